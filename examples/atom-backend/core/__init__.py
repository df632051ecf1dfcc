"""Atom backend core: governance, security and episodes domains."""
