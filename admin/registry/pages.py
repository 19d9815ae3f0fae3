"""Registry pages: the LPKS list with compliance, one LPKS's overview, its profile, work area and facility
checklist forms. Each page loads through the scoped services; a page of another scope answers 404."""
from __future__ import annotations

from datetime import date

from flask import flash, redirect, request, url_for
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from lpks.admin.registry.base import RegistryPage, options
from lpks.admin.registry.forms import ProfileForm, WorkAreaForm
from sqlalchemy import func, select

from accreditation import FACILITY_GROUPS
from accreditation.authority import (
    AUTHORITY_READING_EN,
    AUTHORITY_READING_ID,
    OFFICE_LABELS,
    OFFICES,
)
from accreditation.registry_catalogue import (
    CONDITIONS,
    FUNDING_SOURCES,
    POSITIONS,
    label,
)
from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.platform.models.region import Region
from lpks.platform.numbers import as_id
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.funding import FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition, WorkArea
from lpks.registry.models.reach import ReachProposal
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification
from lpks.registry.services import (
    evidence,
    reach,
    standards,
    standards_store,
)
from lpks.registry.services import (
    facilities as registry_facilities,
)
from lpks.registry.services import institutions as institution_service
from lpks.registry.services import (
    profile as registry_profile,
)
from lpks.registry.services import (
    registrations as registry_registrations,
)
from lpks.registry.services import (
    verification as registry_verification,
)
from lpks.residents.services.common import locale_code
from lpks.security import READ, WRITE, can, scope_clause
from lpks.security.access import get_scoped
from lpks.web import form_errors

# As every admin list (SecureModelView.page_size); compliance comes from the stored evaluations.
PAGE_SIZE = 20


def may_write(model: type, inst: Institution) -> bool:
    """Whether the user may write `model` rows of this LPKS (buttons shown only then)."""
    return can(current_user, WRITE, inst if model is Institution else model(institution_id=inst.id))


class RegistryHome(RegistryPage):
    """Registri LPKS: every LPKS in scope, with its compliance; one LPKS's overview and forms."""

    def is_visible(self) -> bool:
        return True

    @expose("/")
    def index(self):
        page = as_id(request.args.get("page")) or 1  # a bad page falls back to the first (the guard refused overflow)
        base = select(Institution).where(scope_clause(current_user, Institution, READ))
        total = db.session.scalar(select(func.count()).select_from(base.subquery())) or 0
        items = list(db.session.scalars(base.order_by(Institution.name, Institution.id)
                                        .limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)))
        reports = standards_store.summaries(db.session, items)
        regions = dict(db.session.execute(select(Region.code, Region.name)
                                          .where(Region.code.in_({i.kabkota_code for i in items}))).all())
        until = registry_registrations.last_valid_until(db.session, [i.id for i in items])
        return self.render("registry/index.html", items=items, reports=reports, regions=regions, page=page, until=until,
                           pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1), total=total)

    @expose("/<int:ident>")
    def institution(self, ident: int):
        inst = get_scoped(db.session, current_user, Institution, ident)
        view = standards.view_for(db.session, inst)
        rank = {p.code: n for n, p in enumerate(POSITIONS)}  # Pasal 58 order: pimpinan first
        positions = sorted(db.session.scalars(select(OrganisationPosition).where(
            OrganisationPosition.institution_id == inst.id)), key=lambda p: (rank.get(p.position, 99),
                                                                             -(p.since or date.min).toordinal()))
        rounds = list(db.session.scalars(registry_verification.visible_select(current_user)
                                         .where(Verification.institution_id == inst.id)))
        counts = {
            "staff": db.session.scalar(select(func.count()).select_from(StaffMember).where(
                StaffMember.institution_id == inst.id)),
            "facilities": db.session.scalar(select(func.count()).select_from(FacilityRecord).where(
                FacilityRecord.institution_id == inst.id)),
            "evidence": db.session.scalar(select(func.count()).select_from(EvidenceDocument).where(
                EvidenceDocument.institution_id == inst.id)),
        }
        funding = list(db.session.scalars(select(FundingSource).where(FundingSource.institution_id == inst.id)
                                          .order_by(FundingSource.year.desc(), FundingSource.id).limit(10)))
        writes = {name: may_write(model, inst) for name, model in (
            ("profile", Institution), ("work_area", WorkArea), ("staff", StaffMember), ("facilities", FacilityRecord),
            ("positions", OrganisationPosition), ("registrations", Registration), ("funding", FundingSource), ("evidence", EvidenceDocument),
            ("verify", Verification))}
        return self.render("registry/institution.html", inst=inst, view=view, positions=positions, rounds=rounds,
                           counts=counts, funding=funding, writes=writes,
                           registrations=registry_registrations.of_institution(db.session, inst.id),
                           authority_label=registry_registrations.authority_labels().get,
                           expiry_state=registry_registrations.expiry_of,
                           work_area=registry_profile.work_area(db.session, inst),
                           proposals=reach.of_institution(db.session, inst),
                           may_propose=current_user.role in OFFICES and can(current_user, WRITE,
                                                                           ReachProposal(institution_id=inst.id)),
                           may_decide=lambda p: reach.may_decide(current_user, p),
                           office_label=lambda role: OFFICE_LABELS.get(role, (role,))[0],
                           authority_reading=(AUTHORITY_READING_EN if locale_code().startswith("en")
                                              else AUTHORITY_READING_ID),
                           domicile=db.session.get(Region, inst.kabkota_code),
                           position_label=lambda code: label(POSITIONS, code),
                           funding_label=lambda code: label(FUNDING_SOURCES, code))

    @expose("/<int:ident>/profile", methods=("GET", "POST"))
    def profile(self, ident: int):
        inst = get_scoped(db.session, current_user, Institution, ident, WRITE)
        form = ProfileForm(obj=inst)
        for name in institution_service.RESTRICTED:  # e.g. the designation is Kemensos's to record, not the LPKS's
            if name in form and not institution_service.settable(current_user, name):
                del form[name]
        if request.method == "GET":
            form.version.data = str(inst.version)
        if form.validate_on_submit():
            data = {name: field.data for name, field in form._fields.items() if name != "csrf_token"}
            try:
                institution_service.update(db.session, current_user, inst, data)
                db.session.commit()
            except ServiceError as exc:
                db.session.rollback()
                _attach(form, exc)
            else:
                flash(_("Profil LPKS disimpan."), "success")
                return redirect(url_for(".institution", ident=inst.id))
        return self.render("registry/form.html", form=form, inst=inst, title=_("Profil dan status lembaga"),
                           multipart=False)

    @expose("/<int:ident>/work-area", methods=("GET", "POST"))
    def work_area(self, ident: int):
        inst = get_scoped(db.session, current_user, Institution, ident)
        if not may_write(WorkArea, inst):
            return self.inaccessible_callback("work_area")
        form = WorkAreaForm()
        regions = db.session.execute(select(Region.code, Region.name).where(Region.level == "kabupaten_kota")
                                     .order_by(Region.code)).all()
        form.kabkota_codes.choices = options((code, f"{code} — {name}") for code, name in regions)
        if request.method == "GET":
            form.kabkota_codes.data = [r.code for r in registry_profile.work_area(db.session, inst)]
        if form.validate_on_submit():
            try:
                registry_profile.set_work_area(db.session, current_user, inst, form.kabkota_codes.data or [])
                db.session.commit()
            except ServiceError as exc:
                db.session.rollback()
                _attach(form, exc, "kabkota_codes")
            else:
                flash(_("Wilayah kerja disimpan (domisili selalu termasuk)."), "success")
                return redirect(url_for(".institution", ident=inst.id))
        return self.render("registry/form.html", form=form, inst=inst, title=_("Wilayah kerja"), multipart=False,
                           help=_("Pilih semua kabupaten/kota yang dilayani (tahan Ctrl untuk memilih beberapa). "
                                  "Kabupaten/kota domisili selalu termasuk."))

    @expose("/<int:ident>/reach-proposal", methods=("POST",))
    def reach_proposal(self, ident: int):
        """Record a proposal of referral scope and work area (RULES §3: a lower office proposes)."""
        inst = get_scoped(db.session, current_user, Institution, ident)
        data = {"referral_scope": request.form.get("referral_scope"), "reason": request.form.get("reason"),
                "kabkota_codes": request.form.get("kabkota_codes") or ""}
        self._commit(lambda: reach.propose(db.session, current_user, inst, data), _("Usulan dicatat."))
        return redirect(url_for(".institution", ident=inst.id, _anchor="reach"))

    @expose("/reach-proposal/<int:ident>/decision", methods=("POST",))
    def reach_decision(self, ident: int):
        """Accept or decline a proposal (the office whose authority the reach needs)."""
        proposal = get_scoped(db.session, current_user, ReachProposal, ident, WRITE)
        self._commit(lambda: reach.decide(db.session, current_user, proposal, dict(request.form)),
                     _("Keputusan atas usulan dicatat."))
        return redirect(url_for(".institution", ident=proposal.institution_id, _anchor="reach"))

    def _commit(self, action, done: str) -> None:
        try:
            action()
            db.session.commit()
        except ServiceError as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            flash(done, "success")

    @expose("/<int:ident>/facilities", methods=("GET", "POST"))
    def facilities(self, ident: int):
        inst = get_scoped(db.session, current_user, Institution, ident)
        editable = may_write(FacilityRecord, inst)
        error = None
        if request.method == "POST":
            if not editable:
                return self.inaccessible_callback("facilities")
            rows = [{"item_code": code, "status": request.form.get(f"status-{code}", ""),
                     "quantity": request.form.get(f"quantity-{code}", ""),
                     "condition": request.form.get(f"condition-{code}", ""),
                     "note": request.form.get(f"note-{code}", ""), "version": request.form.get(f"version-{code}")}
                    for code in registry_facilities.ITEMS_BY_CODE
                    if request.form.get(f"status-{code}") or request.form.get(f"version-{code}")]
            try:
                registry_facilities.save_many(db.session, current_user, inst, rows)
                db.session.commit()
            except ServiceError as exc:
                db.session.rollback()
                error = exc.message
            else:
                flash(_("Daftar sarana dan prasarana disimpan."), "success")
                return redirect(url_for(".facilities", ident=inst.id))
        return self.render("registry/facilities.html", inst=inst, groups=FACILITY_GROUPS, editable=editable,
                           rows=registry_facilities.checklist(db.session, inst), conditions=CONDITIONS,
                           statuses=registry_facilities.STATUSES, error=error, posted=request.form,
                           docs=evidence.documents_by_item(db.session, inst.id))


def _attach(form, exc: ServiceError, default: str | None = None) -> None:
    """Show every error of a service under its field (a field-less one under `default`, else at the top of the
    form: templates/_form.html)."""
    if default and not getattr(exc, "field_errors", None) and getattr(form, exc.field or "", None) is None:
        exc = ServiceError(exc.message, default)
    form_errors.attach(form, exc)
