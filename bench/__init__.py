"""Benchmarks: `make bench` (python -m bench) prints a table of speed and memory figures."""
