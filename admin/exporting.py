"""Every list's export through the project's streaming exporter (lpks.platform.exports), never Flask-Admin's tablib
export: the same scope, filters, search and sort as the page, the columns each view names, small exports served at
once and large ones run as a job of the user's (the file then waits in "Pekerjaan saya")."""
from __future__ import annotations

import io

from flask import abort, flash, redirect, request, send_file, url_for
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.orm import aliased

from lpks.extensions import db
from lpks.io.stream import MIMETYPES
from lpks.platform import exports
from lpks.platform.errors import ServiceError
from lpks.platform.exports import ExportColumn
from lpks.platform.labels import label
from lpks.registry.models.institution import Institution
from lpks.security import READ, may_open, scope_clause
from lpks.security.permissions import POLICY


class StreamingExportMixin:
    """The export of a Flask-Admin list: `export_fields` (default: column_export_list, else column_list), with
    `export_overrides` for columns that need a join or a label, and `export_needs` for columns their `row` reads."""

    can_export = False
    export_types = ["xlsx", "csv"]
    export_name: str | None = None
    export_fields: tuple[str, ...] | None = None
    export_overrides: dict[str, ExportColumn] = {}
    export_needs: tuple[str, ...] = ()
    # Columns holding a code, by the kind of code (lpks.platform.labels.label): shown and exported by their label.
    column_codes: dict[str, str] = {}

    # --- the ExportSource protocol (also used by the worker, without a request) -----------------------------------
    def export_title(self) -> str:
        return str(self.name)

    def may_export(self, user) -> bool:
        """The role may read this list and its export is offered (re-checked by the job for the owner as they are)."""
        if not self.can_export or user is None or not getattr(user, "active", False):
            return False
        if not may_open(user, self.endpoint):
            return False
        return READ in POLICY.get(self.model, {}).get(user.role, {})

    def export_columns(self) -> list[ExportColumn]:
        names = self.export_fields or self.column_export_list or self.column_list
        labels = self.column_labels or {}
        return [self.export_overrides.get(name) or (
            labelled(name, labels.get(name, name), _code_label(self.column_codes[name])) if name in self.column_codes
            else ExportColumn(name, labels.get(name, name))) for name in names]

    def export_conditions(self, spec: dict) -> list:
        """Conditions of the page beyond scope, filters and search (a dashboard tile's ?due=)."""
        return []

    def export_statement(self, user, spec: dict):
        """The list's rows as the user would see them, as plain columns: scope, conditions, search, filters, sort."""
        model = self.model
        query = db.session.query(model).filter(scope_clause(user, model, READ))
        for clause in self.export_conditions(spec):
            query = query.filter(clause)
        joins: dict = {}
        if spec.get("search") and self._search_supported:
            query, _c, joins, _j = self._apply_search(query, None, joins, {}, spec["search"])
        filters = [tuple(f) for f in spec.get("filters") or [] if self._filters and 0 <= int(f[0]) < len(self._filters)]
        if filters:
            query, _c, joins, _j = self._apply_filters(query, None, joins, {}, [(int(i), n, v) for i, n, v in filters])
        sort = self._get_column_by_idx(spec.get("sort"))
        query, joins = self._apply_sorting(query, joins, sort[0] if sort else None, bool(spec.get("desc")))
        pk = model.__table__.primary_key.columns.values()[0]
        query = query.order_by(pk)  # a stable order under any sort
        columns = self.export_columns()
        wanted = [c.name for c in columns if c.expr is None and c.row is None] + list(self.export_needs)
        plain = [getattr(model, name).label(name) for name in dict.fromkeys(wanted)]
        derived = [c.expr.label(c.name) for c in columns if c.expr is not None]
        query = query.with_entities(*plain, *derived)
        for target, onclause in {id(c.join[0]): c.join for c in columns if c.join}.values():
            query = query.outerjoin(target, onclause)
        return query.statement

    # --- the web request ------------------------------------------------------------------------------------------
    def export_spec(self) -> dict:
        """The page's search, filters and sort from the query string, as plain data a job can carry."""
        args = self._get_list_extra_args()
        spec = {"sort": args.sort, "desc": bool(args.sort_desc), "search": args.search or "",
                "filters": [[int(i), str(n), v] for i, n, v in args.filters or []]}
        if request.args.get("due"):
            spec["due"] = request.args["due"]
        return spec

    @expose("/export/<export_type>/")
    def export(self, export_type):
        """Small: the file now (audited). Large: a job of the user's, and a note that it waits in "Pekerjaan saya"."""
        if export_type not in self.export_types or not self.may_export(current_user):
            abort(404)
        try:
            path, outcome = exports.start(db.session, current_user, self.endpoint, self.export_spec(), export_type)
        except ServiceError as exc:
            db.session.rollback()
            abort(exc.status)
        db.session.commit()  # the audit row, or the job (sent to the worker by this commit)
        if path is None:
            flash(_("Ekspor ini besar, jadi disiapkan di latar belakang. Berkasnya tersedia di Pekerjaan saya "
                    "setelah selesai."), "info")
            return redirect(url_for("downloads.index_view"))
        data = io.BytesIO(path.read_bytes())  # at most EXPORT_INLINE_ROWS rows: a few megabytes
        path.unlink()
        return send_file(data, mimetype=MIMETYPES[export_type], as_attachment=True, download_name=outcome)


def institution_name(model: type, label) -> ExportColumn:
    """The LPKS's name instead of its id (an alias of its own, so the scope's subquery on Institution stays apart)."""
    inst = aliased(Institution, name="export_institution")
    return ExportColumn("institution_id", label, expr=inst.name, join=(inst, inst.id == model.institution_id))


def _code_label(kind: str):
    return lambda value: label(kind, value)


def labelled(name: str, label, labels) -> ExportColumn:
    """A code shown by its label (`labels` a function or a mapping), translated once per distinct code."""
    lookup = labels if callable(labels) else (lambda value: str(labels.get(value, value)))
    return ExportColumn(name, label, fmt=lambda value: str(lookup(value)))
