"""A stored file as an HTTP download, the same for the API and the admin pages."""
from __future__ import annotations

from typing import Any

from flask import Response


def file_response(found: Any) -> Response:
    """A stored file (anything with `path`, `content_type` and `name`) as a download: never inline, never cached."""
    response = Response(found.path.read_bytes(), mimetype=found.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{found.name}"'
    response.headers["Cache-Control"] = "no-store"
    return response
