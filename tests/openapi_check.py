"""Every answer under /api/v1 that any test receives is checked against the published OpenAPI document: the
operation declares the status code, and the JSON body is valid against the schema declared for it. A mismatch fails
the test that made the request, naming the operation and where in the body the answer differs.

Registered from tests/conftest.py (`pytest_plugins`); it wraps FlaskClient.open, so every test client is covered."""
from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator, FormatChecker
from werkzeug.exceptions import HTTPException

PREFIX = "/api/v1/"
_DOCUMENT: dict[str, Any] = {}
_VALIDATORS: dict[tuple, Draft202012Validator] = {}


class OpenAPIMismatch(AssertionError):
    """An answer the OpenAPI document does not describe."""


def published(app) -> dict:
    """The document /api/v1/openapi.json serves (built once per run: the routes are the same for every app)."""
    if not _DOCUMENT:
        from lpks.web.api.spec import document

        _DOCUMENT.update(document())
    return _DOCUMENT


def _operation(app, path: str, method: str) -> tuple[str | None, dict | None]:
    """The operation id and declaration the request reached, or (endpoint, None) when it declares none."""
    adapter = app.url_map.bind("localhost")
    try:
        endpoint, _args = adapter.match(path, method=method)
    except HTTPException:
        return None, None
    if not endpoint.startswith("api."):
        return None, None
    rule = next(r for r in app.url_map.iter_rules(endpoint) if r.methods and method in r.methods)
    from lpks.web.api.spec import openapi_path

    entry = published(app)["paths"].get(openapi_path(rule.rule), {}).get(method.lower())
    return endpoint.removeprefix("api."), entry


def _validator(key: tuple, schema: dict) -> Draft202012Validator:
    if key not in _VALIDATORS:
        root = {**schema, "components": _DOCUMENT["components"]}  # "#/components/schemas/…" resolves in the root
        _VALIDATORS[key] = Draft202012Validator(root, format_checker=FormatChecker())
    return _VALIDATORS[key]


def check(app, method: str, path: str, response) -> None:
    """Raise OpenAPIMismatch unless the document declares this answer."""
    if not path.startswith(PREFIX) or (path == PREFIX + "openapi.json" and method == "GET"):
        return
    name, entry = _operation(app, path, method)
    if name in (None, "unknown"):  # no route: the catch-all's JSON 404 (or 405)
        from lpks.web.api.spec import ERRORS

        error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
        entry = {"responses": {str(status): error for status in (*ERRORS, 405)}}
        name = f"(no operation) {method} {path}"
    elif entry is None:
        raise OpenAPIMismatch(f"{method} {path}: the route '{name}' declares no operation (@operation)")
    status = str(response.status_code)
    declared = entry["responses"].get(status)
    if declared is None:
        raise OpenAPIMismatch(f"{name} ({method} {path}) answered {status}, which it does not declare (declared: "
                              f"{', '.join(entry['responses'])}); body: {response.get_data(as_text=True)[:300]}")
    content = declared.get("content")
    if not content:
        if response.get_data():
            raise OpenAPIMismatch(f"{name} ({method} {path}) answered {status} with a body; the document declares "
                                  "none")
        return
    media = response.mimetype or ""
    if media not in content:
        raise OpenAPIMismatch(f"{name} ({method} {path}) answered {status} as '{media}'; declared: "
                              f"{', '.join(content)}")
    if not media.endswith("json"):  # a download: its type is checked, not its bytes
        return
    body = response.get_json(silent=True)
    validator = _validator((name, method, status), content[media]["schema"])
    error = next(iter(sorted(validator.iter_errors(body), key=lambda e: list(map(str, e.absolute_path)))), None)
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise OpenAPIMismatch(f"{name} ({method} {path}) answered {status}; at body path '{where}': "
                              f"{error.message[:400]}")


_original_open = FlaskClient.open


def _checked_open(self, *args, **kwargs):
    response = _original_open(self, *args, **kwargs)
    request = getattr(response, "request", None)
    if request is not None:
        check(self.application, request.method, request.path, response)
    return response


@pytest.fixture(autouse=True, scope="session")
def _openapi_checked_client():
    """Wrap the test client for the whole run."""
    FlaskClient.open = _checked_open
    yield
    FlaskClient.open = _original_open


def resolved(document: dict, schema: Any) -> Any:
    """`schema` with every "#/components/schemas/…" reference replaced by its definition (for tests that read a
    declared schema's properties)."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            return resolved(document, document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]])
        return {key: resolved(document, value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [resolved(document, value) for value in schema]
    return schema
