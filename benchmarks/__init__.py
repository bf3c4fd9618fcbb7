"""`make bench`: measurements of the app near its limits, printed as one table.

Benchmarks report; they assert nothing (tests/test_benchmarks_smoke.py only checks that each one
runs at a tiny size). Each module has one `bench(...) -> list[Row]` function; the heavy ones run
their measurement in a fresh subprocess, so that memory peaks and cold caches belong to one case.
"""
