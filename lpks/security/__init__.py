"""Access decisions: the one permission function and its query twin."""
from lpks.security.permissions import (
    READ, WRITE, can, may_set, scope_clause, setters_of, user_scope_label, works_with_lpks_data,
)

__all__ = ["READ", "WRITE", "can", "may_set", "scope_clause", "setters_of", "user_scope_label",
           "works_with_lpks_data"]
