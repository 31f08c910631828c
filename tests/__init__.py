"""Sooth's test suite.

A regular package rather than a namespace one: a dependency that installs a stray
top-level `tests` package (confusables does) would otherwise shadow this one in spawned
processes, which import test modules by name.
"""
