"""The OpenAPI document, built from what each route declares when it is registered."""
from __future__ import annotations

SPEC: list[dict] = []

ERROR_SCHEMA = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"}},
    "required": ["error", "message"],
}


def describe(path: str, method: str, summary: str, *, params: list[dict] | None = None,
             body: dict | None = None, response: dict | None = None, tag: str = "umum") -> None:
    """Record one operation for the OpenAPI document."""
    SPEC.append({"path": path, "method": method.lower(), "summary": summary, "params": params or [],
                 "body": body, "response": response or {"type": "object"}, "tag": tag})


def param(name: str, where: str = "query", kind: str = "string", required: bool = False, **extra) -> dict:
    """An OpenAPI parameter."""
    return {"name": name, "in": where, "required": required or where == "path", "schema": {"type": kind, **extra}}


def document() -> dict:
    """The whole OpenAPI 3.1 document."""
    paths: dict[str, dict] = {}
    for op in SPEC:
        entry = {
            "summary": op["summary"], "tags": [op["tag"]], "parameters": op["params"],
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": op["response"]}}},
                "401": {"description": "Autentikasi diperlukan", "content": {"application/json": {"schema": ERROR_SCHEMA}}},
                "404": {"description": "Tidak ditemukan atau di luar lingkup", "content": {"application/json": {"schema": ERROR_SCHEMA}}},
                "422": {"description": "Data tidak valid", "content": {"application/json": {"schema": ERROR_SCHEMA}}},
            },
        }
        if op["body"]:
            entry["requestBody"] = {"required": True, "content": {"application/json": {"schema": op["body"]}}}
        paths.setdefault("/api/v1" + op["path"], {})[op["method"]] = entry
    return {
        "openapi": "3.1.0",
        "info": {"title": "LPKS API", "version": "1", "description":
                 "API sistem informasi LPKS (Permensos 26/2018). Autentikasi: sesi login atau header "
                 "'Authorization: Bearer <token>' dari perintah 'lpks create-token'."},
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                                           "cookie": {"type": "apiKey", "in": "cookie", "name": "lpks_session"}}},
        "security": [{"bearer": []}, {"cookie": []}],
        "paths": paths,
    }
