"""Benchmarks for canvas-wizard: `python -m benchmarks.run` prints the performance table."""
