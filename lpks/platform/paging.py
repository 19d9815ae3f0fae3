"""How far a list counts and pages, for the web lists and the API alike: exact counts up to COUNT_CAP rows (beyond,
"more than 10,000"), and no page deeper than MAX_OFFSET rows (sort the other way, filter, or export instead)."""
from __future__ import annotations

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

COUNT_CAP = 10_000
MAX_OFFSET = 10_000


def capped_count(session: Session, stmt: Select, cap: int | None = None) -> int:
    """The rows of `stmt`, counted no further than cap + 1 (so "more than cap" is known without reading them all)."""
    cap = COUNT_CAP if cap is None else cap
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).limit(cap + 1).subquery())) or 0
