"""Flask-Admin pages of Dinas Sosial case handling (RULES §8): registered with the case area (lpks.admin.cases)."""
