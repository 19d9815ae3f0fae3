"""Residents (Pasal 9–14): children, placements, custody periods, documents, exits."""
