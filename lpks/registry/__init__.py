"""Registry and standards (Pasal 52–69): LPKS profile, staff, facilities, funding, evidence, verification."""
