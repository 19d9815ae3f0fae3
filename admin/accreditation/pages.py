"""Assessment pages: each role's queue, the self-assessment form, verification adjustments, the workflow steps and
the printable A4 certificate. Every page loads through the scoped services; another scope's page answers 404."""
from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_admin import BaseView, expose
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from accreditation.workflow import (
    OPEN_STATES,
    QUEUES,
    State,
    effective_state,
    may_adjust,
    may_answer,
)
from lpks.accreditation import reports
from lpks.accreditation.models import Assessment, AssessmentEvent
from lpks.accreditation.services import assessments, classes, conflicts, steps
from lpks.accreditation.services import evidence as answer_evidence
from lpks.accreditation.services.registry_facts import registry_report, suggestions
from lpks.accreditation.view import lines as indicator_lines
from lpks.extensions import db
from lpks.platform import clock
from lpks.platform.errors import NotFound, ServiceError, error_list
from lpks.platform.models.user import User
from lpks.platform.numbers import as_id
from lpks.platform.services import audit
from lpks.registry.models.institution import Institution
from lpks.security import WRITE, can, in_menu, works_with_lpks_data
from lpks.security.access import scoped_select
from lpks.web.documents import document_response, wants_pdf

PAGE_SIZE = 50
# every reviewer sees the registry's own evaluation beside the answers (RULES §3 Registry conflicts)
SUGGEST_STATES = {state.value for state in OPEN_STATES}
# The inputs of a step's card (templates/accreditation/detail.html): their errors show beside them.
STEP_INPUTS = ("grade", "grade_reason", "decree_number", "decree_date", "note")


class AccreditationPage(BaseView):
    """A page of the accreditation area: every logged-in role but the system administrator."""

    def is_accessible(self) -> bool:
        return works_with_lpks_data(current_user)

    def is_visible(self) -> bool:
        return in_menu(current_user, self.endpoint)

    def inaccessible_callback(self, name, **kwargs):
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        audit.refused(Assessment.__tablename__)
        abort(403)

    def render(self, template, **kwargs):
        kwargs.setdefault("state_label", state_label)
        return super().render(template, **kwargs)


state_label = reports.state_name


def _run(action, ok_message: str | None = None):
    """One service call as the request's transaction; its error is flashed. True when it succeeded."""
    try:
        result = action()
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        if exc.status == 404:
            raise
        flash(exc.message, "error")
        return None
    if ok_message:
        flash(ok_message, "success")
    return result if result is not None else True


class AssessmentPages(AccreditationPage):
    """Penilaian akreditasi: queue, list, one assessment and its steps."""

    @expose("/")
    def index(self):
        state = request.args.get("state") or ""
        page = as_id(request.args.get("page")) or 1  # a bad page falls back to the first (the guard refused overflow)
        stmt = scoped_select(current_user, Assessment)
        if state in {s.value for s in State}:
            stmt = stmt.where(Assessment.state == state)
        total = reports.count(db.session, stmt)
        items = reports.with_names(db.session, stmt.order_by(Assessment.id.desc()).offset((page - 1) * PAGE_SIZE),
                                   PAGE_SIZE)
        queue = reports.with_names(db.session, reports.queue_select(current_user), 100)
        expiring = reports.with_names(db.session, reports.expiring_select(current_user), 100)
        startable = assessments.startable_institution(db.session, current_user)
        return self.render("accreditation/index.html", items=items, queue=queue, expiring=expiring, state=state,
                           states=list(State), page=page, pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
                           startable=startable, queue_states=QUEUES.get(current_user.role, ()))

    @expose("/new", methods=("POST",))
    def start(self):
        assessment = _run(lambda: assessments.start(db.session, current_user, dict(request.form)),
                          _("Penilaian mandiri dimulai; jawaban yang diketahui registri sudah terisi."))
        if not assessment:
            return redirect(url_for(".index"))
        return redirect(url_for(".detail", ident=assessment.id))

    @expose("/<int:ident>")
    def detail(self, ident: int, failed_step: dict | None = None, failed_adjust: dict | None = None):
        a = assessments.get(db.session, current_user, ident)
        inst = db.session.get(Institution, a.institution_id)
        instr = assessments.instrument_of(db.session, a)
        rows = assessments.answer_rows(db.session, a.id)
        result = assessments.score_of(db.session, a, rows)
        suggested = {}
        if a.state in SUGGEST_STATES:
            suggested = suggestions(instr, registry_report(db.session, inst))
        writable = can(current_user, WRITE, a)
        events = list(db.session.scalars(select(AssessmentEvent).where(AssessmentEvent.assessment_id == a.id)
                                         .order_by(AssessmentEvent.id)))
        lines = indicator_lines(instr, rows, suggested)
        found = conflicts.conflicts_of(db.session, a, rows, suggested) if suggested else {}
        docs = answer_evidence.documents_of(db.session, current_user, inst.id)
        chosen = {line.code: answer_evidence.stored_ids(line.own) for _aspect, items in lines for line in items}
        return self.render("accreditation/detail.html", a=a, inst=inst, instr=instr, result=result,
                           lines=lines, events=events, docs=docs, docs_by_id={d.id: d for d in docs},
                           linked=answer_evidence.linked_per_indicator(db.session, instr, docs, inst.id),
                           chosen=chosen, conflicts=found,
                           may_record_reason=conflicts.may_record(current_user, a),
                           actions=steps.actions_for(current_user, a),
                           may_answer=writable and may_answer(current_user.role, a.state),
                           may_adjust=writable and may_adjust(current_user.role, a.state),
                           preview=steps.designation_preview(db.session, a, result),
                           klass=classes.class_of(db.session, inst), today=clock.today(),
                           state=effective_state(a.state, a.valid_until, clock.today()),
                           failed_step=failed_step or {"action": None, "errors": {}, "posted": {}},
                           failed_adjust=failed_adjust or {"code": None, "errors": [], "posted": {}})

    def _posted(self, ident: int) -> Assessment:
        return assessments.get(db.session, current_user, ident, WRITE)

    @expose("/<int:ident>/answers", methods=("POST",))
    def answers(self, ident: int):
        a = self._posted(ident)
        codes = [c for c in request.form.getlist("indicator")]
        data = {"version": request.form.get("version"), "answers": {
            code: {"answer": request.form.get(f"answer-{code}") or None,
                   "evidence": request.form.get(f"evidence-{code}") or None,
                   "evidence_ids": request.form.getlist(f"evidence_ids-{code}")} for code in codes}}
        _run(lambda: assessments.save_answers(db.session, current_user, a, data),
             _("Jawaban disimpan; nilai sementara diperbarui."))
        return redirect(url_for(".detail", ident=ident))

    @expose("/<int:ident>/prefill", methods=("POST",))
    def prefill(self, ident: int):
        a = self._posted(ident)
        changed = _run(lambda: assessments.refresh_prefill(db.session, current_user, a, dict(request.form)))
        if changed is not None:
            flash(_("%(n)s jawaban diambil ulang dari registri.", n=0 if changed is True else changed), "success")
        return redirect(url_for(".detail", ident=ident))

    @expose("/<int:ident>/adjust", methods=("POST",))
    def adjust(self, ident: int):
        a = self._posted(ident)
        code = request.form.get("indicator", "")
        try:
            assessments.adjust(db.session, current_user, a, dict(request.form))
            db.session.commit()
        except ServiceError as exc:
            db.session.rollback()
            if exc.status == 404:
                raise
            # the page again, the message and the typed reason in the row that was adjusted
            return self.detail(ident, failed_adjust={"code": code, "errors": [m for _f, m in error_list(exc)],
                                                     "posted": dict(request.form)}), 422
        flash(_("Indikator disesuaikan; alasan dicatat."), "success")
        # back to the same row (the page's script also restores the exact scroll position)
        return redirect(url_for(".detail", ident=ident, _anchor=f"indicator-{code}"))

    @expose("/<int:ident>/conflict-reason", methods=("POST",))
    def conflict_reason(self, ident: int):
        a = self._posted(ident)
        _run(lambda: conflicts.record_reason(db.session, current_user, a, dict(request.form)),
             _("Alasan menerima jawaban yang bertentangan dengan registri dicatat."))
        return redirect(url_for(".detail", ident=ident))

    @expose("/<int:ident>/step", methods=("POST",))
    def step(self, ident: int):
        a = self._posted(ident)
        try:
            steps.transition(db.session, current_user, a, dict(request.form))
            db.session.commit()
        except ServiceError as exc:
            db.session.rollback()
            if exc.status == 404:
                raise
            errors: dict[str, list[str]] = {}
            for field, message in error_list(exc):  # beside its input in the step's card; the rest on top of it
                field = "note" if field == "reason" else field
                errors.setdefault(field if field in STEP_INPUTS else "", []).append(message)
            failed = {"action": request.form.get("action"), "errors": errors, "posted": dict(request.form)}
            return self.detail(ident, failed_step=failed), 422
        flash(_("Langkah tercatat: %(state)s.", state=state_label(a.state, a.valid_until)), "success")
        return redirect(url_for(".detail", ident=ident))

    @expose("/<int:ident>/certificate")
    def certificate(self, ident: int):
        a = assessments.get(db.session, current_user, ident)
        if a.grade is None or a.state not in {s.value for s in (State.DESIGNATED, State.EXPIRED, State.SUPERSEDED)}:
            raise NotFound(_("Sertifikat hanya ada untuk akreditasi yang telah ditetapkan dengan nilai."))
        inst = db.session.get(Institution, a.institution_id)
        instr = assessments.instrument_of(db.session, a)
        signer = db.session.get(User, a.designated_by_id) if a.designated_by_id else None
        audit.record(db.session, "export" if wants_pdf() else "print", "accreditation_certificate", a.id,
                     ("pdf",) if wants_pdf() else ())
        return document_response("accreditation/certificate.html", f"sertifikat-akreditasi-{inst.id}-{a.id}",
                               back_url=url_for(".detail", ident=ident),
                               pdf_url=url_for(".certificate", ident=ident, format="pdf"), a=a, inst=inst, instr=instr,
                               signer=(signer.full_name or signer.username) if signer else "",
                               state=effective_state(a.state, a.valid_until, clock.today()), state_label=state_label,
                               region=reports.region_names(db.session, [inst.kabkota_code, inst.province_code]))
