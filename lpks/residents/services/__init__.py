"""Residents use cases (writes): register, place, admit, hold in custody, release."""
