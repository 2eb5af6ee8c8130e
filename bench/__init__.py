"""Benchmarks: ``python -m bench [AREA ...] [--quick]`` prints figures beside baselines run in the same process."""
