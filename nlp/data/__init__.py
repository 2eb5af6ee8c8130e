"""Packaged data files (read lazily with importlib.resources)."""
