"""Accreditation workflow and class (Pasal 56, 70–73, 85–87): services, API, reports."""
