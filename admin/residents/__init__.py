"""Flask-Admin views and pages of the residents area."""
