"""Verification pages of the Dinas Sosial kabupaten/kota: open a round, record a finding and a note per item
beside the system's computed result, finalise; everyone in scope reads final rounds."""
from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from lpks.admin.registry.base import RegistryPage
from lpks.admin.registry.forms import ActionForm, VerificationForm
from lpks.admin.registry.pages import _attach

from lpks.extensions import db
from lpks.platform.errors import ServiceError, error_list
from lpks.platform.numbers import as_id
from lpks.registry.models.institution import Institution
from lpks.registry.models.verification import Verification
from lpks.registry.services import standards, verification
from lpks.security import WRITE, can
from lpks.security.access import get_scoped


class VerificationPages(RegistryPage):
    """New round, the round's page with its findings form, finalise and discard."""

    @expose("/")
    def index(self):
        return redirect(url_for("verification.index_view"))

    @expose("/new", methods=("GET", "POST"))
    def new(self):
        raw = request.args.get("institution_id", "")
        inst = get_scoped(db.session, current_user, Institution, as_id(raw) or 0)
        if not can(current_user, WRITE, Verification(institution_id=inst.id)):
            return self.inaccessible_callback("new")
        form = VerificationForm()
        if form.validate_on_submit():
            data = {"institution_id": inst.id, "visit_date": form.visit_date.data, "team": form.team.data,
                    "summary": form.summary.data}
            try:
                ver = verification.create(db.session, current_user, data)
                db.session.commit()
            except ServiceError as exc:
                db.session.rollback()
                _attach(form, exc)
            else:
                flash(_("Putaran verifikasi #%(n)s dibuat. Isi temuan per butir lalu finalkan.", n=ver.number),
                      "success")
                return redirect(url_for(".round_view", ident=ver.id))
        return self.render("registry/form.html", form=form, inst=inst, title=_("Verifikasi baru"), multipart=False,
                           help=_("Satu putaran = satu kunjungan. Putaran yang sudah final tidak dapat diubah; "
                                  "verifikasi ulang dicatat sebagai putaran baru."))

    @expose("/<int:ident>", methods=("GET", "POST"))
    def round_view(self, ident: int):
        ver = verification.get_visible(db.session, current_user, ident)
        inst = db.session.get(Institution, ver.institution_id)
        editable = ver.status == "draft" and can(current_user, WRITE, ver)
        view = standards.view_for(db.session, inst, ver.visit_date)
        row_errors: dict[str, dict[str, list[str]]] = {}
        problems: list[dict] = []
        posted = dict(request.form)
        if request.method == "POST":
            if not editable:
                return self.inaccessible_callback("round_view")
            accept = request.form.get("accept", "")
            if accept:  # "accept the system's count" without a browser script: filled in, not yet saved
                posted.update(_accepted(view, accept, request.form))
                return self._page(ver, inst, view, editable, posted, row_errors, problems)
            entries = [{"item_code": code, "status": request.form.get(f"status-{code}", ""),
                        "note": request.form.get(f"note-{code}", "")} for code in sorted(verification.ITEM_CODES)]
            try:
                verification.set_findings(db.session, current_user, ver, entries)
                db.session.commit()
            except ServiceError as exc:
                db.session.rollback()
                for name, message in error_list(exc):
                    code, _dot, part = (name or "").removeprefix("findings.").rpartition(".")
                    if (name or "").startswith("findings.") and code in verification.ITEM_CODES:
                        row_errors.setdefault(code, {}).setdefault(part, []).append(message)
                        problems.append({"anchor": f"{part}-{code}", "message": message})
                    else:
                        problems.append({"anchor": None, "message": message})
                return self._page(ver, inst, view, editable, posted, row_errors, problems), 422
            else:
                flash(_("Temuan disimpan (masih draf)."), "success")
                return redirect(url_for(".round_view", ident=ver.id))
        return self._page(ver, inst, view, editable, posted, row_errors, problems)

    def _page(self, ver, inst, view, editable, posted, row_errors, problems):
        return self.render("registry/verification.html", ver=ver, inst=inst, view=view, editable=editable,
                           findings=verification.findings(db.session, ver), posted=posted, row_errors=row_errors,
                           problems=problems, statuses=verification.STATUSES,
                           action=ActionForm(version=str(ver.version)))

    @expose("/<int:ident>/finalise", methods=("POST",))
    def finalise(self, ident: int):
        ver = verification.get_visible(db.session, current_user, ident, WRITE)
        form = ActionForm()
        form.validate_on_submit()
        try:
            verification.finalise(db.session, current_user, ver, form.version.data)
            db.session.commit()
            flash(_("Verifikasi #%(n)s final: temuan kini terlihat oleh LPKS dan dihitung di laporan standar.",
                    n=ver.number), "success")
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        return redirect(url_for(".round_view", ident=ident))

    @expose("/<int:ident>/discard", methods=("POST",))
    def discard(self, ident: int):
        ver = verification.get_visible(db.session, current_user, ident, WRITE)
        inst_id = ver.institution_id
        try:
            verification.delete_draft(db.session, current_user, ver)
            db.session.commit()
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for(".round_view", ident=ident))
        flash(_("Draf verifikasi dihapus."), "success")
        return redirect(url_for("registry.institution", ident=inst_id))


def _accepted(view, accept: str, form) -> dict[str, str]:
    """The system's computed verdict (and its reason as the note, where none is typed) for one aspect
    (`aspect:<code>`) or one item (`item:<code>`); the other rows keep what was typed."""
    kind, _sep, code = accept.partition(":")
    out = {}
    for aspect in view.report.aspects:
        for item in aspect.items:
            if (kind == "aspect" and aspect.code == code) or (kind == "item" and item.code == code):
                out[f"status-{item.code}"] = item.computed_status.value
                if not (form.get(f"note-{item.code}") or "").strip():
                    out[f"note-{item.code}"] = item.computed_reason or ""
    return out
