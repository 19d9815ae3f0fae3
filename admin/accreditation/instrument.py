"""Instrument pages: every version, one version in full, its Excel (also the template to edit), the import of an
edited workbook as a new version, and a form for new weights, bands and validity. Kemensos publishes; the other
roles read."""
from __future__ import annotations

from flask import Response, flash, redirect, request, url_for
from flask_admin import expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from lpks.admin.accreditation.pages import AccreditationPage
from sqlalchemy import select
from wtforms import StringField
from wtforms.validators import Optional

from lpks.accreditation.models import AccreditationInstrument
from lpks.accreditation.services import instruments
from lpks.extensions import db
from lpks.io.accreditation import instrument_workbook, read_instrument_rows
from lpks.io.workbook import XLSX_MIME
from lpks.platform.errors import ServiceError
from lpks.platform.services import audit
from lpks.security.access import scoped_select


class ImportForm(FlaskForm):
    """Upload of an edited instrument workbook."""

    file = FileField(_l("Berkas instrumen (.xlsx)"))
    note = StringField(_l("Catatan perubahan"), validators=[Optional()])


class InstrumentPages(AccreditationPage):
    """Instrumen akreditasi."""

    @expose("/")
    def index(self):
        versions = list(db.session.scalars(scoped_select(current_user, AccreditationInstrument)
                                           .order_by(AccreditationInstrument.id.desc())))
        current = versions[0] if versions else None
        return self.render("accreditation/instruments.html", versions=versions, current=current,
                           instr=instruments.load(current) if current else None, form=ImportForm(),
                           publisher=instruments.may_publish(current_user), errors=[])

    @expose("/<int:ident>")
    def version(self, ident: int):
        row = instruments.get(db.session, current_user, ident)
        return self.render("accreditation/instrument.html", row=row, instr=instruments.load(row))

    @expose("/<int:ident>/xlsx")
    def workbook(self, ident: int):
        row = instruments.get(db.session, current_user, ident)
        audit.record(db.session, "export", "accreditation_instrument", row.id, ("xlsx",))
        name = f"instrumen-akreditasi-{row.version}.xlsx"
        return Response(instrument_workbook(instruments.load(row)), mimetype=XLSX_MIME,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    def _publisher(self):
        if not instruments.may_publish(current_user):
            return self.inaccessible_callback("instrument")
        return None

    @expose("/seed", methods=("POST",))
    def seed(self):
        refused = self._publisher()
        if refused is not None:
            return refused
        row, created = instruments.ensure_default(db.session)
        db.session.commit()
        flash(_("Instrumen bawaan %(v)s diterbitkan.", v=row.version) if created
              else _("Instrumen sudah ada; tidak ada yang diubah."), "success")
        return redirect(url_for(".index"))

    @expose("/import", methods=("POST",))
    def import_workbook(self):
        refused = self._publisher()
        if refused is not None:
            return refused
        form = ImportForm()
        errors: list[str] = []
        if form.validate_on_submit():
            upload = form.file.data
            try:
                content = upload.read() if upload else b""
                if not content:
                    raise ServiceError(_("Pilih berkas .xlsx instrumen."), "file")
                row = instruments.publish_rows(db.session, current_user, read_instrument_rows(content, upload.filename),
                                               form.note.data)
                db.session.commit()
            except ServiceError as exc:
                db.session.rollback()
                problems = getattr(exc, "problems", None)
                errors = [instruments.problem_line(p) for p in problems] if problems else [exc.message]
            else:
                flash(_("Versi %(v)s diterbitkan; penilaian lama tetap memakai versinya.", v=row.version), "success")
                return redirect(url_for(".version", ident=row.id))
        versions = list(db.session.scalars(select(AccreditationInstrument).order_by(AccreditationInstrument.id.desc())))
        current = versions[0] if versions else None
        return self.render("accreditation/instruments.html", versions=versions, current=current,
                           instr=instruments.load(current) if current else None, form=form, publisher=True,
                           errors=errors)

    @expose("/revise", methods=("POST",))
    def revise(self):
        refused = self._publisher()
        if refused is not None:
            return refused
        form = request.form
        current = instruments.current_row(db.session)
        instr = instruments.load(current) if current else None
        data = {"version": form.get("version"), "note": form.get("note"),
                "weights": {a.code: form.get(f"weight-{a.code}") for a in (instr.aspects if instr else ())},
                "bands": {key: {"lower": form.get(f"lower-{key}"), "upper": form.get(f"upper-{key}")}
                          for key in ("A", "B", "C", "none") if form.get(f"lower-{key}") is not None},
                "validity_years": {g: form.get(f"years-{g}") for g in ("A", "B", "C")
                                   if form.get(f"years-{g}") is not None}}
        try:
            row = instruments.revise(db.session, current_user, data)
            db.session.commit()
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
            return redirect(url_for(".index"))
        flash(_("Versi %(v)s diterbitkan; penilaian lama tetap memakai versinya.", v=row.version), "success")
        return redirect(url_for(".version", ident=row.id))
