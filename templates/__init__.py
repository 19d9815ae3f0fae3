"""The Jinja templates, one folder per area: a data package, installed as lpks.templates."""
