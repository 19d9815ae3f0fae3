"""Registry use cases (writes): validate, check permission, call the rules, flush."""
