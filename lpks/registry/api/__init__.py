"""Registry routes of the JSON API."""
