"""Writes of the intake area: they validate, check the policy, call the rules and flush; never commit."""
