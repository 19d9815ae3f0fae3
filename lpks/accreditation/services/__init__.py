"""Accreditation use cases (writes): instruments, assessments, steps, classes."""
