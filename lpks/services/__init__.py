"""Use cases: load, call the rules, write. They flush; the request or CLI boundary commits."""
