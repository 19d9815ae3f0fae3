"""Writes of the reports area: the yearly report workflow."""
