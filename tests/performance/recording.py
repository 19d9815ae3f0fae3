"""Recording the SQL statements one request runs (shared by the performance tests)."""
from __future__ import annotations

from sqlalchemy import event


def statements(app, client, path: str) -> list[str]:
    """The statements of a second GET of `path` (the first warms caches), whitespace collapsed."""
    from lpks.extensions import db

    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(" ".join(statement.split()))

    with app.app_context():
        engine = db.engine
    client.get(path)  # warm
    event.listen(engine, "before_cursor_execute", record)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return seen
