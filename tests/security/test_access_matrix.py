"""Every role × every route of `app.url_map` × an object inside and one outside the role's scope (plus the id just
past the largest, as a guesser would try): out of scope answers 403/404 and changes nothing, in scope answers, no response carries another
LPKS's name or a child's identity the role may not see, and every response has the security headers."""
from __future__ import annotations

import bisect
import io
import json
import os
import re
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog, AuditTally
from lpks.platform.models.user import User
from lpks.security.permissions import PAGE_POLICY, POLICY
from tests.conftest import csrf_token, login

from .matrix import (DIRECTORY_ROUTES, IDENTITY_ROLES, NOT_INSTANTIATED, ROLES, VISIBLE, Objects, collect,
                     forbidden_texts, object_model, seed_children, urls, write_summary)

SUMMARY = Path(os.environ.get("LPKS_MATRIX_SUMMARY", "/tmp/lpks-access-matrix.json"))
ROLE_NAMES = {"operator.pasuruan": "operator_lpks", "dinsos.pasuruan": "dinsos_kabkota",
              "dinsos.jatim": "dinsos_provinsi", "kemensos": "kemensos", "admin": "admin_sistem",
              "peksos.pasuruan": "dinsos_kabkota", "datin.pasuruan": "dinsos_kabkota"}
WRITES = ("create", "update", "delete", "view_identity")
REFUSED = (400, 403, 404, 405, 409, 422)
# POSTs that only read (an audited reveal of a child's identity): allowed to the identity roles in scope.
IDENTITY_READS = {"resident.identity_view", "placement.print_view", "case.print_view", "referral.identity_view",
                  "case.intake_print_view"}


@pytest.fixture(scope="session", autouse=True)
def _matrix_summary():
    """Print the figures once all roles ran ("N cells, 0 leaks"), for the README."""
    SUMMARY.unlink(missing_ok=True)
    yield
    if SUMMARY.exists():
        data = json.loads(SUMMARY.read_text())
        cells = sum(v["cells"] for v in data.values())
        leaks = sum(v["leaks"] for v in data.values())
        rules = max(v["rules"] for v in data.values())
        by_backend = {}
        for key, v in data.items():
            backend = key.split(":")[0]
            by_backend[backend] = round(by_backend.get(backend, 0) + v["seconds"], 1)
        print(f"\naccess matrix: {cells} cells, {leaks} leaks ({len(data)} role runs over {rules} routes; "
              f"seconds per backend {by_backend}); headers checked on every response")


def _reads(role: str, model) -> bool:
    return bool(model) and "read" in POLICY.get(model, {}).get(ROLE_NAMES.get(role, ""), {})


def _writes(role: str, model) -> bool:
    return bool(model) and "write" in POLICY.get(model, {}).get(ROLE_NAMES.get(role, ""), {})


def _directory(rule) -> bool:
    """The LPKS directory (id, name, region), the administrator's only view of LPKS (issue 18, item 7)."""
    return rule.endpoint.startswith("institution_directory.")


def _outside_visible(role: str, model, rule) -> bool:
    """Does the role reach the chosen outside object (Jakarta Timur LPKS)? Kemensos does; admin its directory entry."""
    from lpks.registry.models.institution import Institution

    return (role == "kemensos" and _reads(role, model)) or (role == "admin" and model is Institution
                                                            and _directory(rule))


def _registry_record(model) -> bool:
    """An LPKS or anything belonging to one: nothing the administrator may read (issue 18, item 7)."""
    if model is None or model.__name__ in ("User", "ApiToken"):  # a user's scope names an LPKS: the admin's own data
        return False
    return model.__name__ == "Institution" or hasattr(model, "institution_id")


def _headers_missing(response) -> list[str]:
    csp = response.headers.get("Content-Security-Policy", "")
    missing = []
    if "default-src" not in csp or "frame-ancestors 'none'" not in csp:
        missing.append("CSP/frame-ancestors")
    if response.headers.get("X-Content-Type-Options") != "nosniff":
        missing.append("nosniff")
    if not response.headers.get("Referrer-Policy"):
        missing.append("Referrer-Policy")
    if "no-store" not in response.headers.get("Cache-Control", ""):
        missing.append("no-store")
    return missing


class Matrix:
    """One role's run: request, check, count."""

    def __init__(self, app, session, role: str, objects: Objects):
        self.app, self.session, self.role, self.objects = app, session, role, objects
        self.client = app.test_client()
        if role != "anonymous":
            assert login(self.client, role).status_code == 302
        self.token = csrf_token(self.client, "/login" if role == "anonymous" else "/account/")
        self.forbidden = forbidden_texts(role, objects)
        # the directory pages name other LPKS by design: there only identities are searched for
        directory = forbidden_texts(role, objects, directory=True)
        self.directory_re = re.compile("|".join(re.escape(t) for t in sorted(directory, key=len, reverse=True))) \
            if directory else None
        # One pass over each body finds every forbidden text (longest first, so no text hides inside another).
        self.forbidden_re = re.compile("|".join(re.escape(t) for t in sorted(self.forbidden, key=len, reverse=True)))
        self.cells = self.leaks = self.refused_named = 0
        self.failures: list[str] = []
        self.admin_views = {v.endpoint: v for v in app.extensions["admin"][0]._views}
        self.sent: list[tuple[datetime, str]] = []  # (when, request) of every refused write, for attribution

    def _last_audit_id(self) -> int:
        self.session.rollback()
        return self.session.scalar(select(func.max(AuditLog.id))) or 0

    def _changes_since(self, last_id: int) -> None:
        """Data changed by the refused writes: audited create/update/delete/identity rows after the GETs, each
        traced to the request that was running when it was written (one query per role, not one per request)."""
        self.session.rollback()
        rows = self.session.scalars(select(AuditLog).where(AuditLog.id > last_id, AuditLog.action.in_(WRITES))
                                    .order_by(AuditLog.id)).all()
        times = [when for when, _request in self.sent]
        for row in rows:
            at = row.at if row.at.tzinfo else row.at.replace(tzinfo=timezone.utc)
            index = bisect.bisect_right(times, at) - 1
            culprit = self.sent[index][1] if index >= 0 else "?"
            self.leaks += 1
            self.failures.append(f"{self.role} {culprit}: a refused request changed data "
                                 f"({row.action} {row.object_type} {row.object_id})")

    def request(self, method: str, url: str):
        if method == "GET":
            return self.client.get(url)
        if url.startswith("/api/"):
            return self.client.open(url, method=method, json={"version": 1}, headers={"X-CSRFToken": self.token})
        ident = url.partition("?id=")[2]
        return self.client.open(url, method=method, data={"csrf_token": self.token, "id": ident, "rowid": ident,
                                                          "action": "delete", "url": "/"})

    def cell(self, rule, method: str, url: str, where: str, model) -> None:
        """One request; `where` is none (no object), inside, outside or guess."""
        if method != "GET":
            self.sent.append((datetime.now(timezone.utc), f"{method} {url} [{where}]"))
        response = self.request(method, url)
        self.cells += 1
        status, body = response.status_code, readable(response.get_data())
        problems = []
        pattern = self.directory_re if rule.endpoint in DIRECTORY_ROUTES else self.forbidden_re
        shown = sorted(set(pattern.findall(body))) if pattern is not None and self.forbidden else []
        if shown:
            problems.append(f"shows {shown}")
        if status >= 500:
            problems.append("server error")
        missing = _headers_missing(response)
        if missing:
            problems.append(f"headers missing {missing}")
        if status in (403, 404) and where != "none" and self.role != "anonymous":
            self.refused_named += 1  # each must leave a count in the audit trail (issue 18, item 5b)
        if self.role == "anonymous" and rule.endpoint not in ("auth.login", "locale.switch"):
            if status == 200:
                problems.append("anonymous got 200")
        elif where in ("outside", "guess") and not (where == "outside" and _outside_visible(self.role, model, rule)):
            if status not in (403, 404) and not (method != "GET" and status in REFUSED) and not _to_list(response):
                problems.append("out of scope not refused")
        elif (self.role == "admin" and where == "inside" and _registry_record(model) and not _directory(rule)
              and method == "GET"):
            if status not in (403, 404) and not _to_list(response):
                problems.append("out of scope not refused")  # the administrator reads no LPKS record
        elif (where == "inside" and method == "GET" and self.role != "admin" and _reads(self.role, model) and _detail_like(rule)
              and self._admits(rule)
              and (hasattr(model, "institution_id") or model.__name__ == "Institution")
              and model.__name__ not in ("User", "ApiToken")):
            if status != 200 and not (status == 302 and "/login" not in response.headers.get("Location", "")):
                problems.append("in-scope details refused")
        if problems:
            if shown or "out of scope not refused" in problems:
                self.leaks += 1
            self.failures.append(f"{self.role} {method} {url} [{where}] -> {status}: {'; '.join(problems)}")

    def _admits(self, rule) -> bool:
        """Is the route's view open to this role at all (a view may be kept to some roles, e.g. the directory)?"""
        roles = PAGE_POLICY.get(rule.endpoint.split(".")[0])  # the policy's pages kept to some roles
        return roles is None or ROLE_NAMES.get(self.role) in roles

    def run(self, rules) -> None:
        admin_views = self.admin_views
        gets, posts = [], []
        for rule in rules:
            model = object_model(rule, admin_views)
            targets = [(None, "none")] if model is None else self._targets(model)
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                for ident, where in targets:
                    if method != "GET" and not self._may_post(rule, model, where):
                        continue
                    for url in urls(rule, ident):
                        (posts if method != "GET" else gets).append((rule, method, url, where, model))
        for cell in gets:  # writes last: reads see the seeded state
            self.cell(*cell)
        last_id = self._last_audit_id()  # GETs may add audited identity views of the role's own children
        for cell in posts:
            self.cell(*cell)
        self._changes_since(last_id)

    def check_refusal_audit(self) -> int:
        """Every refused request naming an object left a count in the audit trail (issue 18, item 5b): one row per
        object type and minute with its count, never a child's identity. Returns the counted refusals."""
        if self.role == "anonymous":
            return 0
        self.session.rollback()
        user_id = self.session.scalar(select(User.id).where(User.username == self.role))
        tallies = self.session.scalars(select(AuditTally).where(AuditTally.action == "access_refused",
                                                                AuditTally.actor == f"user:{user_id}")).all()
        rows = self.session.scalars(select(AuditLog).where(AuditLog.action == "access_refused",
                                                           AuditLog.user_id == user_id)).all()
        hits = sum(t.hits for t in tallies)
        if hits < self.refused_named:
            self.failures.append(f"{self.role}: {self.refused_named} refused requests, {hits} counted in the trail")
        if {t.audit_id for t in tallies} != {r.id for r in rows}:
            self.failures.append(f"{self.role}: refusal counts without their audit row")
        texts = " ".join(f"{r.object_type} {r.object_id} {r.fields}" for r in rows)
        if self.forbidden and self.forbidden_re.search(texts):
            self.failures.append(f"{self.role}: a refusal row names what it refused")
        return hits

    def _targets(self, model):
        o = self.objects
        found = [(o.inside.get(model), "inside"), (o.outside.get(model), "outside")]
        if model in o.max_id:
            found.append((o.max_id[model] + 1, "guess"))  # the next id: what a guesser tries first
        return [(ident, where) for ident, where in found if ident is not None]

    def _may_post(self, rule, model, where: str) -> bool:
        """POSTs that must be refused: out of scope, or in scope for a role without write (no POST to own data)."""
        if self.role == "anonymous" or model is None:
            return False
        if where == "inside":
            if rule.endpoint in IDENTITY_READS:
                return self.role not in IDENTITY_ROLES
            return not _writes(self.role, model)
        return not (where == "outside" and _outside_visible(self.role, model, rule))


def _to_list(response) -> bool:
    """Flask-Admin's answer to an id it cannot show: back to a list (exactly as for an id that does not exist)."""
    location = response.headers.get("Location", "")
    return response.status_code == 302 and "id=" not in location and "/login" not in location


def readable(data: bytes) -> str:
    """A response body as text; a workbook (zip) is read member by member, so its cells are searched too."""
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return data.decode("utf-8", "replace")


def _detail_like(rule) -> bool:
    """Routes that show one object: Flask-Admin details, API detail, a custom page of one record."""
    return rule.endpoint.endswith(("details_view", "_detail")) or rule.endpoint in {
        "accreditation.detail", "registry.institution", "standards.report"}


@pytest.mark.parametrize("role", ROLES)
def test_access_matrix(role, demo, app, session, database_url):
    seed_children(app, session)
    objects = collect(session)
    started = time.perf_counter()
    rules = sorted((r for r in app.url_map.iter_rules() if r.endpoint not in NOT_INSTANTIATED),
                   key=lambda r: (r.rule, r.endpoint))
    matrix = Matrix(app, session, role, objects)
    matrix.run(rules)
    counted = matrix.check_refusal_audit()
    backend = database_url.split(":")[0].split("+")[0]
    write_summary(SUMMARY, role, backend, {"cells": matrix.cells, "leaks": matrix.leaks, "rules": len(rules),
                                           "seconds": round(time.perf_counter() - started, 1)})
    print(f"{backend} {role}: {matrix.cells} cells, {matrix.leaks} leaks, {counted} refusals counted in the trail")
    assert not matrix.failures, "\n".join(matrix.failures[:80]) + f"\n({len(matrix.failures)} in all)"
    assert matrix.cells > 300


def test_every_route_is_in_the_matrix_or_explained(app):
    """A new route with an object id must be mapped to its model; the allow-list holds only static files."""
    admin_views = {v.endpoint: v for v in app.extensions["admin"][0]._views}
    for rule in app.url_map.iter_rules():
        if rule.endpoint not in NOT_INSTANTIATED:
            object_model(rule, admin_views)  # fails naming the route when it cannot be placed
            urls(rule, 1)
    assert set(NOT_INSTANTIATED) == {"static", "home.static"}
    assert set(VISIBLE) == set(ROLES)
