"""Access decisions: the one permission function and its query twin."""
from .permissions import READ, WRITE, can, scope_clause, user_scope_label

__all__ = ["READ", "WRITE", "can", "scope_clause", "user_scope_label"]
