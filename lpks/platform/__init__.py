"""Platform: users, tokens, audit, regions, holidays, dashboards, errors and the clock."""
