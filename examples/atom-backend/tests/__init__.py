"""Atom backend test suite."""
