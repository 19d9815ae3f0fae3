"""Residents routes of the JSON API: children, placements, titipan, calculators, holidays."""
