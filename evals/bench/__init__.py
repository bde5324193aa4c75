"""Benchmarks: scripts that print figures (python -m thidua.evals.bench.<name>)."""
