"""Blueprints: auth, locale, dashboards, JSON API, printable documents."""
