"""National-scale data generator and measurements (not tests)."""
