"""Platform use cases (writes): users, passwords, audit, regions, holidays, backup."""
