"""Files of the registry: evidence upload and scoped, audited download; Excel templates, imports and exports."""
from __future__ import annotations

from flask import Response, current_app, flash, redirect, request, url_for
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from lpks.admin.registry.base import RegistryPage, options, writable_institutions
from lpks.admin.registry.forms import ImportForm, UploadForm
from lpks.admin.registry.pages import _attach

from lpks.extensions import db
from lpks.io import registry_export
from lpks.io.workbook import XLSX_MIME
from lpks.platform.errors import ServiceError
from lpks.platform.imports import background_note, queued_message
from lpks.platform.numbers import as_id
from lpks.registry import imports as registry_imports
from lpks.registry import reports as registry_reports
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.registry.services import evidence, upload_limits
from lpks.registry.services import importing as registry_import
from lpks.security.access import get_scoped
from lpks.web.downloads import file_response


def xlsx(content: bytes, name: str) -> Response:
    """A workbook download."""
    return Response(content, mimetype=XLSX_MIME, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _institution_arg() -> int | None:
    raw = request.args.get("institution_id", "")
    return as_id(raw)


class RegistryFiles(RegistryPage):
    """Upload, download, import and export."""

    @expose("/")
    def index(self):
        return redirect(url_for("registry.index"))

    @expose("/upload", methods=("GET", "POST"))
    def upload(self):
        form = UploadForm()
        form.institution_id.choices = options(writable_institutions(EvidenceDocument))
        if not form.institution_id.choices:
            return self.inaccessible_callback("upload")
        if request.method == "GET" and request.args.get("institution_id"):
            form.institution_id.data = request.args["institution_id"]
        inst = None
        if as_id(form.institution_id.data):
            inst = db.session.get(Institution, as_id(form.institution_id.data))
        if form.validate_on_submit():
            data = {k: f.data for k, f in form._fields.items() if k not in ("csrf_token", "file")}
            upload = form.file.data
            try:
                doc = evidence.upload(db.session, current_user, data, upload.stream, upload.filename)
                db.session.commit()
            except ServiceError as exc:
                db.session.rollback()
                _attach(form, exc, "file")
            else:
                flash(_("Dokumen bukti \"%(title)s\" diunggah.", title=doc.title), "success")
                return redirect(url_for("registry.institution", ident=doc.institution_id))
        return self.render("registry/form.html", form=form, inst=inst, title=_("Unggah dokumen bukti"),
                           multipart=True, submit=_("Unggah"),
                           help=_("PDF, JPEG atau PNG, paling besar %(mb)s MB. Jenis berkas diperiksa dari isinya. "
                                  "Pilih butir standar yang dibuktikan (tahan Ctrl untuk beberapa). Kuota penyimpanan "
                                  "%(quota)s MB per LPKS; paling banyak %(rate)s berkas per menit.",
                                  mb=evidence.max_bytes() // (1024 * 1024),
                                  quota=upload_limits.quota_bytes() // upload_limits.MB,
                                  rate=current_app.config.get("UPLOADS_PER_MINUTE", 20)))

    @expose("/evidence/<int:ident>")
    def download(self, ident: int):
        found = evidence.open_download(db.session, current_user, ident)
        db.session.commit()  # the audit row is kept even though a file response is not a page
        return file_response(found)

    def _import(self, ident: int, kind: str):
        model = StaffMember if kind == "staff" else FacilityRecord
        inst = get_scoped(db.session, current_user, Institution, ident)
        if not writable_institutions(model) or str(inst.id) not in dict(writable_institutions(model)):
            return self.inaccessible_callback("import")
        form, errors, status = ImportForm(), [], 200
        if form.validate_on_submit():
            run = registry_import.import_staff if kind == "staff" else registry_import.import_facilities
            upload = form.file.data
            try:
                content, job = registry_imports.start(db.session, current_user, inst, kind, upload.stream,
                                                      upload.filename)
                result = None if job else run(db.session, current_user, inst, content, upload.filename)
                db.session.commit()  # the rows, or the job (handed to the worker by this commit)
            except registry_import.ImportRejected as exc:
                db.session.rollback()
                errors = exc.errors
            except ServiceError as exc:
                db.session.rollback()
                _attach(form, exc, "file")
                status = 429 if exc.status == 429 else 200
            else:
                if job is not None:
                    flash(queued_message(), "info")
                    return redirect(url_for("downloads.index_view"))
                flash(registry_imports.summary(result), "success")
                return redirect(url_for("registry.institution", ident=inst.id))
        template = (url_for(".staff_template") if kind == "staff"
                    else url_for(".export_facilities", institution_id=inst.id))
        title = _("Impor tenaga dari Excel") if kind == "staff" else _("Impor sarana dan prasarana dari Excel")
        return self.render("registry/form.html", form=form, inst=inst, title=title, multipart=True, errors=errors,
                           submit=_("Impor"), downloads=[(_("Unduh templat"), template)],
                           help=_("Semua baris diperiksa lebih dahulu; bila ada satu kesalahan, tidak ada yang "
                                  "disimpan dan setiap kesalahan ditampilkan dengan baris dan kolomnya.")
                           + " " + background_note()), status

    @expose("/<int:ident>/import/staff", methods=("GET", "POST"))
    def import_staff(self, ident: int):
        return self._import(ident, "staff")

    @expose("/<int:ident>/import/facilities", methods=("GET", "POST"))
    def import_facilities(self, ident: int):
        return self._import(ident, "facilities")

    @expose("/template/staff.xlsx")
    def staff_template(self):
        return xlsx(registry_export.staff_template(), "templat-tenaga-lpks.xlsx")

    @expose("/export/institutions.xlsx")
    def export_institutions(self):
        content = registry_reports.institutions_export(db.session, current_user)
        return xlsx(content, "daftar-lpks.xlsx")

    @expose("/export/staff.xlsx")
    def export_staff(self):
        content = registry_reports.staff_export(db.session, current_user, _institution_arg())
        return xlsx(content, "tenaga-lpks.xlsx")

    @expose("/export/facilities.xlsx")
    def export_facilities(self):
        content = registry_reports.facilities_export(db.session, current_user, _institution_arg())
        return xlsx(content, "sarana-lpks.xlsx")

