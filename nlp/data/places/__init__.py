"""Gazetteer tables: aliases, regency seats, province renames and the 2022 Papua split."""
