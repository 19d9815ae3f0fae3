"""Placements in Flask-Admin: the placement page (documents, admission, titipan periods, notice, parole, exit)
and the printable A4 documents. Every form posts to a service; views hold no rule."""
from __future__ import annotations

from babel.dates import format_date
from flask import abort, flash, redirect, request
from flask_admin import expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.base import SecureModelView
from lpks.admin.child_search import ChildSearchMixin
from lpks.admin.exporting import labelled
from lpks.admin.list_paging import LimitFirstMixin
from lpks.admin.residents.documents import DocumentsMixin, missing_codes
from lpks.admin.residents.due import DueListMixin
from lpks.admin.residents.forms import (
    SHOWN_FOR_BASIS,
    STATUS_LABELS,
    AdmitForm,
    BehaviourForm,
    ConfirmForm,
    CustodyForm,
    ExitForm,
    ExtensionForm,
    NoticeForm,
    PeriodCorrectionForm,
    PlacementEditForm,
    PlacementForm,
    ScanForm,
    documents_form,
    form_data,
)
from lpks.admin.residents.obligations import ObligationsMixin
from sqlalchemy.orm import aliased
from wtforms import SelectChoice

from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.platform.exports import ExportColumn
from lpks.platform.models.region import Region
from lpks.platform.numbers import as_id
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement, PlacementDocument
from lpks.registry.services import profile
from lpks.residents.models.resident import Resident
from lpks.residents.services import (
    admission as placements_admission,
)
from lpks.residents.services import (
    custody,
    placements,
    residents,
)
from lpks.residents.services import (
    placement_status as placements_status,
)
from lpks.residents.services.common import local_date, locale_code, today
from lpks.residents.services.placement_status import label
from lpks.rules import CONDITION_OPTIONS, LegalBasis, basis_info, next_level
from lpks.rules.lifecycle import allowed_actions
from lpks.security import READ, WRITE, can
from lpks.web import form_errors
from lpks.web.documents import document_response, wants_pdf

_export_resident = aliased(Resident, name="export_resident")
PRINTS = {"bast": "residents/print/bast.html", "serah-terima-titipan": "residents/print/serah_terima.html",
          "pemberitahuan": "residents/print/notice.html"}


def condition_choices() -> list[SelectChoice]:
    """Every condition option of the rules (titipan reasons, pre-process offences), labelled with its Pasal."""
    return [SelectChoice(option.value, f"{option.label_id} ({option.pasal})")
            for options in CONDITION_OPTIONS.values() for option in options]


# How a status looks (Bootstrap badge/alert colour): display only, the lifecycle decides what may be done.
STATUS_STYLES = {"present": "success", "pending": "warning", "exited": "secondary"}
PERIOD_LABELS = {"open": _l("berjalan"), "closed": _l("ditutup")}


class PlacementView(ChildSearchMixin, DocumentsMixin, ObligationsMixin, LimitFirstMixin, DueListMixin,
                    SecureModelView):
    """Placements: list with stored due dates, and the placement page where the work is done."""

    create_allowed = False  # a placement starts from its resident's page (new_view)
    can_export = True
    export_name = "penempatan"
    details_template = "residents/placement_details.html"
    column_list = ("resident", "institution", "basis", "status", "start_date", "last_day", "parole_eligible_from",
                   "exit_date")
    column_export_list = ("id", "resident", "basis", "status", "start_date", "last_day", "parole_eligible_from",
                          "exit_date", "exit_reason")
    column_filters = ("basis", "status", "start_date", "last_day", "parole_eligible_from", "exit_date")
    column_sortable_list = ("start_date", "last_day", "parole_eligible_from", "exit_date", "status")
    column_default_sort = ("id", True)
    column_labels = {"resident": _l("Anak"), "institution": _l("LPKS"), "basis": _l("Dasar hukum"),
                     "status": _l("Status"), "start_date": _l("Mulai"), "last_day": _l("Hari terakhir"),
                     "parole_eligible_from": _l("Syarat waktu pembebasan bersyarat"), "exit_date": _l("Tanggal keluar"),
                     "exit_reason": _l("Alasan keluar"), "id": _l("Nomor")}
    column_formatters = {"basis": lambda v, c, m, n: label(LegalBasis, m.basis),
                         "status": lambda v, c, m, n: STATUS_LABELS.get(m.status, m.status),
                         "institution": lambda v, c, m, n: m.institution.name if m.institution else "-"}
    # initials and register number only, as the list shows them (never the name)
    export_overrides = {
        "resident": ExportColumn("resident", _l("Anak"), expr=_export_resident.initials + " · "
                                 + _export_resident.register_number,
                                 join=(_export_resident, _export_resident.id == Placement.resident_id)),
        "basis": labelled("basis", _l("Dasar hukum"), lambda v: label(LegalBasis, v)),
        "status": labelled("status", _l("Status"), STATUS_LABELS)}

    @property
    def can_edit(self):  # changes go through the forms of the placement page
        return False

    # --- helpers --------------------------------------------------------------------------------------------
    def _placement(self, action: str = READ) -> Placement:
        placement = self.get_one(request.args.get("id", ""))
        if placement is None or (action == WRITE and not can(current_user, WRITE, placement)):
            abort(404)
        return placement

    def _back(self, placement: Placement, anchor: str = ""):
        return redirect(self.get_url(".details_view", id=placement.id) + (f"#{anchor}" if anchor else ""))

    def _act(self, form, fn, target, done: str, anchor: str = "", key: str | None = None):
        """Run a form of the placement page. Saved: back to the page at `anchor`. Refused: the page again, with this
        form open, its values kept and each error under its field (no jump away from the message)."""
        placement = self._placement(WRITE)
        if not any(f.type not in ("HiddenField", "CSRFTokenField") for f in form):  # a button: its message on top
            if not form.validate_on_submit():
                flash(_("Formulir tidak valid atau token keamanan kedaluwarsa; muat ulang halaman lalu coba lagi."),
                      "error")
            elif self.run_service(lambda: fn(db.session, current_user, target(placement), form_data(form))):
                flash(done, "success")
            return self._back(placement, anchor)
        if form.validate_on_submit():
            if self.run_form(form, lambda: fn(db.session, current_user, target(placement), form_data(form))):
                flash(done, "success")
                return self._back(placement, anchor)
        else:
            form_errors.refused(form)
        return self._again(key or form_errors.form_key(form), form)

    def _again(self, key: str, form):
        """The placement page re-rendered with the form that failed (HTTP 422: nothing was saved)."""
        form_errors.keep_failed(key, form)
        return self.details_view(), 422

    def _period(self, placement: Placement) -> CustodyPeriod:
        period = db.session.get(CustodyPeriod, as_id(request.args.get("period")) or 0)
        if period is None or period.placement_id != placement.id:
            abort(404)
        return period

    def details_context(self, model: Placement) -> dict:
        """The computed state and, for writers, the forms of the placement page."""
        state = placements_status.state(db.session, model)
        writer = can(current_user, WRITE, model)
        actions = {action.value for action in allowed_actions(model.status, may_write=writer)}
        may_write = bool(actions)
        periods = placements_status.periods_of(db.session, model)
        context = {"state": state, "resident": model.resident, "may_write": may_write, "today": today(),
                   "actions": actions, "status_style": STATUS_STYLES.get(model.status, "secondary"),
                   "period_labels": PERIOD_LABELS,
                   "period_actions": {p.id: {action.value for action in allowed_actions(
                       model.status, may_write=writer, period_status=p.status)} for p in periods},
                   "status_label": STATUS_LABELS.get(model.status, model.status), "info": basis_info(model.basis),
                   "readings": placements_status.readings(), "confirm": ConfirmForm(),
                   "may_print": residents.may_view_identity(current_user, model.resident),
                   "period_models": {p.id: p for p in periods},
                   "doc_models": placements_admission.recorded(db.session, model)}
        if may_write:
            periods = state["custody_periods"]
            last_level = periods[-1]["level"] if periods else None
            custody_form = CustodyForm(formdata=None)
            if last_level and next_level(last_level):
                custody_form.level.data = next_level(last_level).value
            exit_form = ExitForm(formdata=None)
            exit_form.exit_reason.choices = [SelectChoice(r["code"], f'{r["label"]} ({r["pasal"]})')
                                             for r in state["exit_reasons"]]
            context.update(
                edit=PlacementEditForm(formdata=None, data={
                    "start_date": state["start_date"], "months": state["months"] or "",
                    "suspected_violence": "ya" if model.suspected_violence else "tidak",
                    "hospital_exam_on": state["hospital_exam_on"] or "", "hospital_exam_place":
                    model.hospital_exam_place or "", "hospital_exam_result": model.hospital_exam_result or "",
                    "note": model.note or "", "version": str(model.version),
                    "victim_loss": "" if model.victim_loss is None else str(model.victim_loss)}),
                documents=documents_form(missing_codes(model, state), bound=False),
                scan=ScanForm(formdata=None),
                admit=AdmitForm(formdata=None), custody=custody_form, extension=ExtensionForm(formdata=None),
                notice=NoticeForm(formdata=None), behaviour=BehaviourForm(formdata=None), exit=exit_form,
                obligations=self.obligation_forms(model, state),
                corrections={p["id"]: PeriodCorrectionForm(formdata=None, prefix=f"p{p['id']}", data={
                    "start_date": p["start_date"], "granted_days": str(p["granted_days"]),
                    "version": str(p["version"])}) for p in periods if p["status"] == "open"})
            self._put_failed(context)
        return context

    # Where a form that failed in this request goes on the page (form_errors.form_key → the context's slot).
    _FAILED_SLOTS = {"placementedit": ("edit",), "admit": ("admit",), "custody": ("custody",), "scan": ("scan",),
                     "behaviour": ("behaviour",), "exit": ("exit",), "courtdetermination": ("obligations", "court"),
                     "meeting": ("obligations", "meeting"), "schoolexam": ("obligations", "exam"),
                     "progressreport": ("obligations", "report")}

    def _put_failed(self, context: dict) -> None:
        """Put each form that failed in this request in its slot, with what was typed and its errors."""
        for key, form in (form_errors.failed_forms() or {}).items():
            name, _sep, rest = key.partition("-")
            if name in self._FAILED_SLOTS:
                slot = self._FAILED_SLOTS[name]
                if len(slot) == 1:
                    context[slot[0]] = form
                else:
                    context[slot[0]][slot[1]] = form
            elif name == "documents":
                context["documents"] = form
            elif name == "periodcorrection":
                context["corrections"][as_id(rest.removeprefix("p")) or 0] = form
            elif name == "examanswer":
                context["obligations"].setdefault("answers", {})[as_id(rest.removeprefix("e")) or 0] = form
            elif name in ("notice", "extension"):
                context.setdefault(f"{name}s", {})[as_id(rest) or 0] = form

    # --- a new placement from the resident's page -------------------------------------------------------------
    @expose("/add/", methods=("GET", "POST"))
    def new_view(self):
        """Register a placement for a resident: legal basis, its condition, start (Pasal 9 ayat 1, 10–14)."""
        resident = db.session.get(Resident, as_id(request.args.get("resident_id")) or 0)
        if resident is None or not can(current_user, READ, resident):
            abort(404)
        if not can(current_user, WRITE, resident):
            abort(403)
        form = PlacementForm()
        form.conditions.choices = condition_choices()
        if request.method == "GET":
            form.start_date.data = today().isoformat()
        if form.validate_on_submit():
            data = {**form_data(form), "resident_id": resident.id}
            placement = self.run_form(form, lambda: placements.create(db.session, current_user, data,
                                                                      asked=("suspected_violence",)))
            if placement:
                flash(_("Penempatan dicatat. Lengkapi dokumen persyaratan, lalu terima anak."), "success")
                return self._back(placement)
        elif request.method == "POST":
            form_errors.refused(form)
        bases = [basis_info(basis) for basis in LegalBasis]
        # the conditions of each basis, shown only while that basis is chosen (issue 17: not all eight at once)
        groups = [(basis.value, basis.label(locale_code()), [SelectChoice(o.value, f"{o.label(locale_code())} "
                                                                          f"({o.pasal})") for o in options])
                  for basis, options in CONDITION_OPTIONS.items()]
        shown_for = {name: "basis=" + " ".join(b.value for b in bases_) for name, bases_ in SHOWN_FOR_BASIS.items()}
        return self.render("residents/placement_new.html", form=form, resident=resident, bases=bases,
                           condition_groups=groups, shown_for=shown_for,
                           chosen_conditions=set(form.conditions.data or []))

    # --- actions of the placement page (POST + CSRF) ----------------------------------------------------------
    @expose("/update/", methods=("POST",))
    def update_view(self):
        return self._act(PlacementEditForm(), placements.update, lambda p: p, _("Penempatan diperbarui."))

    @expose("/document/scan/", methods=("POST",))
    def scan_view(self):
        form = ScanForm()
        upload = form.file.data if form.file.data and form.file.data.filename else None

        def attach(session, user, placement, data):
            doc = session.get(PlacementDocument, int(request.args.get("doc", "0") or 0))
            if doc is None or doc.placement_id != placement.id:
                abort(404)
            return placements_admission.attach_scan(session, user, doc, upload.stream if upload else b"",
                                                    upload.filename if upload else None)
        return self._act(form, attach, lambda p: p, _("Pindaian dilampirkan."), "documents")

    @expose("/document/remove/", methods=("POST",))
    def document_remove_view(self):
        def remove(session, user, placement, data):
            doc = session.get(PlacementDocument, as_id(request.args.get("doc")) or 0)
            if doc is None or doc.placement_id != placement.id:
                abort(404)
            placements_admission.remove_document(session, user, doc)
        return self._act(ConfirmForm(), remove, lambda p: p, _("Dokumen dihapus."), "documents")

    @expose("/admit/", methods=("POST",))
    def admit_view(self):
        return self._act(AdmitForm(), placements_admission.admit, lambda p: p, _("Anak diterima di LPKS."))

    @expose("/custody/", methods=("POST",))
    def custody_view(self):
        return self._act(CustodyForm(), custody.open_period, lambda p: p, _("Masa titipan dicatat."), "titipan")

    @expose("/custody/extend/", methods=("POST",))
    def extend_view(self):
        return self._act(ExtensionForm(), custody.add_extension, self._period, _("Perpanjangan dicatat."), "titipan",
                         key=f"extension-{as_id(request.args.get('period')) or 0}")

    @expose("/custody/correct/", methods=("POST",))
    def correct_view(self):
        form = PeriodCorrectionForm(prefix=f"p{request.args.get('period', '')}")
        return self._act(form, custody.update_period, self._period, _("Masa titipan dikoreksi."), "titipan")

    @expose("/custody/notice/", methods=("POST",))
    def notice_view(self):
        return self._act(NoticeForm(), custody.record_notice, self._period,
                         _("Pengiriman surat pemberitahuan dicatat."), "titipan",
                         key=f"notice-{as_id(request.args.get('period')) or 0}")

    @expose("/behaviour/", methods=("POST",))
    def behaviour_view(self):
        return self._act(BehaviourForm(), placements.record_behaviour, lambda p: p,
                         _("Penilaian perilaku dicatat."), "parole")

    @expose("/exit/", methods=("POST",))
    def exit_view(self):
        placement = self._placement(WRITE)
        form = ExitForm()
        form.exit_reason.choices = [SelectChoice(r["code"], r["label"]) for r in
                                    placements_status.state(db.session, placement)["exit_reasons"]]
        return self._act(form, placements.exit_placement, lambda p: p, _("Penempatan diakhiri."))

    @expose("/cancel/", methods=("POST",))
    def cancel_view(self):
        placement = self._placement(WRITE)
        resident_id = placement.resident_id
        if not ConfirmForm().validate_on_submit():
            abort(400)
        if not self.run_service(lambda: placements.cancel(db.session, current_user, placement)):
            return self._back(placement)
        flash(_("Penempatan yang belum diterima dibatalkan."), "success")
        return redirect(self.get_url("resident.details_view", id=resident_id))

    # --- printable A4 documents (they contain the identity: an audited view, allowed roles only) ---------------
    @expose("/print/<document>/", methods=("POST",))
    def print_view(self, document: str):
        """Berita acara serah terima, surat serah terima anak titipan, notice of the end of titipan (Pasal 15)."""
        if document not in PRINTS:
            abort(404)
        placement = self._placement()
        if not ConfirmForm().validate_on_submit():
            abort(400)
        resident = db.session.get(Resident, placement.resident_id)
        try:
            identity = residents.reveal_identity(db.session, current_user, resident,
                                                 f"{'pdf' if wants_pdf() else 'print'}_{document}")
        except ServiceError as exc:
            abort(exc.status)
        state = placements_status.state(db.session, placement)
        period = self._period(placement) if request.args.get("period") else None
        if document == "pemberitahuan" and period is None:
            abort(404)
        db.session.commit()
        periods = placements_status.periods_of(db.session, placement)
        region = db.session.get(Region, placement.institution.kabkota_code)
        handover = local_date(placement.handover_at) if placement.handover_at else today()
        return document_response(
            PRINTS[document], f"{document}-{resident.register_number}", placement=placement, state=state,
            resident=resident, identity=identity, confirm=ConfirmForm(),
            back_url=self.get_url(".details_view", id=placement.id),
            pdf_url=self.get_url(".print_view", document=document, id=placement.id,
                                 **({"period": period.id} if period else {})),
            institution=placement.institution, period=period, today=today(),
            signer=profile.head_of(db.session, placement.institution_id, today()),
            period_state=placements_status.period_state(db.session, period, True) if period else None,
            first_period=periods[0] if periods else None, last_period=periods[-1] if periods else None,
            city=region.name if region else "", handover_day=format_date(handover, "EEEE", locale="id"))
