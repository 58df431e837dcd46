"""Benchmarks of checkfigures: a corpus generator and timing scripts (not part of the package).

Run them from the repository root as modules, e.g. ``python -m benchmarks.bench_extract --quick``.
"""
