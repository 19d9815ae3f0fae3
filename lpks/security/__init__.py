"""Access decisions: the one permission function and its query twin."""
from lpks.security.permissions import (
    DIRECTORY,
    READ,
    WRITE,
    can,
    in_menu,
    may_create,
    may_open,
    may_set,
    reaches,
    scope_clause,
    setters_of,
    user_scope_label,
    works_with_lpks_data,
)

__all__ = ["DIRECTORY", "READ", "WRITE", "can", "in_menu", "may_create", "may_open", "may_set", "reaches", "scope_clause", "setters_of",
           "user_scope_label", "works_with_lpks_data"]
