"""The access matrix's parts: who is who, which object sits inside or outside whose scope, and how a rule of
`app.url_map` becomes concrete URLs. Independent of the policy on purpose: scopes are written out by hand here
(RULES §1), so a wrong POLICY entry shows up as a failure instead of agreeing with itself."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from lpks.platform.models.user import User
from lpks.accreditation.models import AccreditationInstrument, Assessment, InstitutionClass
from lpks.cases.models import CaseCompanion, CaseService, ChildCase, FollowUpVisit, Referral, SubstituteFamilySearch
from lpks.intake.models import (CaseIntake, CaseManagerReport, CaseOfficer, IntakeMonitoring, IntakeProduct,
                                IntakeStep, ServiceComplaint)
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.platform.models.holiday import Holiday
from lpks.platform.models.job import Job
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.reach import ReachProposal
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.obligations import MinimumWage, SchoolExamRequest
from lpks.residents.models.placement import Placement, PlacementDocument
from lpks.residents.models.resident import Resident
from lpks.reports.models import AnnualReport

ROLES = ("anonymous", "operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim", "kemensos", "admin",
         "peksos.pasuruan", "datin.pasuruan")  # the Dinas Sosial's peksos and data section (RULES §8)

PASURUAN_CITY = "LPKS Bina Harapan Kota Pasuruan"
JAKARTA_EAST = "LPKS Tunas Bangsa Jakarta Timur"
INSTITUTIONS = (PASURUAN_CITY, "LPKS Taruna Mandiri Pasuruan", "UPT Rehabilitasi Sosial Anak Surabaya",
                "LPKS Cahaya Anak Malang", "LPKS Pelita Jakarta Selatan", JAKARTA_EAST)
# The LPKS whose records each role reaches (RULES §1); the administrator reaches LPKS profiles but no child data.
VISIBLE = {"anonymous": set(), "operator.pasuruan": {PASURUAN_CITY}, "dinsos.pasuruan": {PASURUAN_CITY},
           "dinsos.jatim": set(INSTITUTIONS[:4]), "kemensos": set(INSTITUTIONS), "admin": set(INSTITUTIONS),
           "peksos.pasuruan": {PASURUAN_CITY}, "datin.pasuruan": {PASURUAN_CITY}}
# Roles that may reveal a full identity of an LPKS's child in their scope (RULES §1 Reading; the data section works
# with initials, RULES §8).
IDENTITY_ROLES = {"operator.pasuruan", "dinsos.pasuruan", "peksos.pasuruan"}
# A child the Dinas Sosial handles itself (RULES §8): its identity only to the officers assigned to its open case.
OFFICE = "35.75"
OUTSIDE_OFFICE = "31.75"
OUTSIDE_OFFICE_CHILD = {"full_name": "Maharani Kusumawardhani Cipayung", "nik": "3175039912990003"}

# Children seeded by the matrix with unique names and NIKs: one inside Kota Pasuruan, one in Jakarta Timur.
INSIDE_CHILD = {"register_number": "ABH-MATRIKS-DALAM", "full_name": "Kirana Widyasari Tanjungsekar",
                "nik": "3575019912990001"}
OUTSIDE_CHILD = {"register_number": "ABH-MATRIKS-LUAR", "full_name": "Larasati Purnamaningrum Cakung",
                 "nik": "3175029912990002"}

# Which model an `<int:ident>` (custom pages, API) or `?id=` (Flask-Admin) names. A new route taking an id whose
# model is not found here fails the matrix until it is added: no route escapes silently.
PAGE_MODELS = {"accreditation": Assessment, "accreditation_instrument": AccreditationInstrument,
               "registry": Institution, "registry_files": Institution, "registry_files.download": EvidenceDocument,
               "registry.reach_decision": ReachProposal,
               "standards": Institution, "verify": Verification, "downloads.file": Job, "annual_report": AnnualReport}
API_MODELS = {"accreditation/assessments": Assessment, "accreditation/classes": InstitutionClass,
              "accreditation/instruments": AccreditationInstrument, "custody-periods": CustodyPeriod,
              "evidence": EvidenceDocument, "financial-reports": FinancialReport, "funding-sources": FundingSource,
              "holidays": Holiday, "institutions": Institution, "placement-documents": PlacementDocument,
              "placements": Placement, "positions": OrganisationPosition, "registrations": Registration,
              "reach-proposals": ReachProposal, "minimum-wages": MinimumWage, "school-exams": SchoolExamRequest,
              "reports/annual": AnnualReport, "residents": Resident,
              "staff": StaffMember, "verifications": Verification,
              "cases": ChildCase, "case-services": CaseService, "companions": CaseCompanion, "follow-ups": FollowUpVisit,
              "referrals": Referral, "substitute-searches": SubstituteFamilySearch,
              "complaints": ServiceComplaint, "case-officers": CaseOfficer, "jobs": Job}
# Tables owned only by a Dinas Sosial kabupaten/kota (RULES §8): inside = Kota Pasuruan's office, outside = Jakarta
# Timur's.
OFFICE_MODELS = (CaseIntake, IntakeStep, CaseOfficer, IntakeMonitoring, CaseManagerReport, IntakeProduct,
                 ServiceComplaint)
# Flask-Admin endpoints that take no object (the list, its export, the empty form, lookups): one cell each.
OBJECTLESS = ("index_view", "export", "create_view", "ajax_lookup", "export_xlsx", "import_view", "import_template",
              "seed_view", "export_identity", "intake_new_view", "record_view",
              "child_search_view", "case_search_view")  # the lists' search boxes, posted
# Custom admin pages naming their object by another query parameter than `id`.
QUERY_OBJECTS = {"placement.new_view": ("resident_id", Resident), "case.of_resident_view": ("resident_id", Resident),
                 "case.open_view": ("resident_id", Resident)}
# Pages whose purpose is to name other LPKS: the receivers a referral may go to and the Pasal 55 proposals (RULES §7).
# Children's identities stay forbidden there; only the LPKS names are allowed.
DIRECTORY_ROUTES = {"case.referral_view", "api.case_referral_suggestions"}
# Routes the matrix cannot instantiate meaningfully, and why (keep this short).
NOT_INSTANTIATED = {
    "static": "static files: no data, served without login",
    "home.static": "Flask-Admin's static files: no data",
}
# Path arguments that are not object ids: the values to use.
PATH_VALUES = {"export_type": ("csv", "xlsx"), "document": ("bast", "serah-terima-titipan", "pemberitahuan"),
               "code": ("en",), "_unknown": ("tidak-ada",),
               "form": ("case", "stage", "assessment", "service_done", "terminate", "step", "route", "monitoring",
                        "filing", "officer_end"),
               "kind": ("berita_acara", "rujukan"),
               "doc": ("laporan-sosial", "pernyataan-bersama", "rujukan")}


@dataclass
class Objects:
    """Per model: (id inside the Pasuruan city LPKS, id outside every regional scope), and identities."""

    inside: dict = field(default_factory=dict)
    outside: dict = field(default_factory=dict)
    max_id: dict = field(default_factory=dict)
    child_names: dict = field(default_factory=dict)  # identity value -> institution name
    referral_parties: set = field(default_factory=set)  # LPKS on the other side of a Pasuruan city referral
    office_children: dict = field(default_factory=dict)  # identity value -> usernames assigned to the child's case


def seed_children(app, session) -> None:
    """Two residents with known identities, each with a placement, a custody period and a document."""
    from lpks.residents.services import admission as placements_admission
    from lpks.residents.services import custody, placements
    from lpks.residents.services import residents as resident_service

    with app.app_context():
        for child, name in ((INSIDE_CHILD, PASURUAN_CITY), (OUTSIDE_CHILD, JAKARTA_EAST)):
            inst = session.scalar(select(Institution).where(Institution.name == name))
            actor = User(username="matriks", password_hash="-", role="operator_lpks", institution_id=inst.id)
            resident = resident_service.create(session, actor, {
                "institution_id": inst.id, "kind": "anak", "sex": "perempuan", "birth_date": date(2010, 3, 1),
                "birth_place": "Kota Contoh", "address": "Jalan Contoh 1", "parent_guardian": "Wali Contoh",
                "offence_date": date(2025, 3, 1), "offence_description": "Pencurian", **child})
            start = date.today().replace(day=1)
            placement = placements.create(session, actor, {"resident_id": resident.id, "basis": "titipan",
                                                           "conditions": ["keamanan_anak"], "start_date": start})
            placements_admission.add_document(session, actor, placement, {
                "code": "permohonan_penitipan", "number": "M-1", "dated": start, "received_at": placement.created_at})
            custody.open_period(session, actor, placement, {
                "level": "penyidikan", "start_date": start, "granted_days": 7, "letter_number": "SP/M",
                "depositor_agency": "Polres Contoh", "depositor_superior": "Kapolres Contoh"})
        session.commit()
        _seed_outside_office(session)


def _seed_outside_office(session) -> None:
    """A report received by the Dinas Sosial of Jakarta Timur, with its peksos, and a complaint there."""
    from lpks.intake.services import complaints, intake
    from lpks.platform.services.users import create_user

    peksos = create_user(session, "peksos.matriks", "kata-sandi-matriks-1", "dinsos_kabkota", OUTSIDE_OFFICE,
                         "Peksos Matriks", function="peksos")
    datin = create_user(session, "datin.matriks", "kata-sandi-matriks-1", "dinsos_kabkota", OUTSIDE_OFFICE,
                        "Datin Matriks", function="data_informasi")
    day = date.today()
    intake.register(session, peksos, {
        "origin": "laporan", "reporter_kind": "masyarakat", "received_on": day.isoformat(),
        "case_manager_user_id": peksos.id, "child": {
            **OUTSIDE_OFFICE_CHILD, "sex": "perempuan", "birth_date": "2012-05-05",
            "offence_date": day.isoformat(), "offence_description": "Perkelahian"}})
    complaints.create(session, datin, {"channel": "lapor", "received_on": day.isoformat(), "subject": "Matriks"})
    session.commit()


def collect(session) -> Objects:
    """Pick the objects of every model the matrix addresses."""
    found = Objects()
    inst_ids = {i.name: i.id for i in session.scalars(select(Institution))}
    inside_inst, outside = inst_ids[PASURUAN_CITY], {inst_ids[n] for n in INSTITUTIONS[4:]}
    from lpks.security.permissions import POLICY

    models = set(PAGE_MODELS.values()) | set(API_MODELS.values()) | set(POLICY)
    for model in models:
        pk = model.__table__.primary_key.columns.values()[0]
        if pk.type.python_type is not int:  # regions: keyed by code, read by every role
            found.inside[model] = session.scalar(select(func.min(pk)))
            continue
        found.max_id[model] = session.scalar(select(func.max(model.id))) or 0
        if model is Institution:
            found.inside[model], found.outside[model] = inside_inst, inst_ids[JAKARTA_EAST]
        elif model in OFFICE_MODELS:
            found.inside[model] = session.scalar(select(func.max(model.id)).where(model.owner_region_code == OFFICE))
            found.outside[model] = session.scalar(select(func.max(model.id)).where(
                model.owner_region_code == OUTSIDE_OFFICE))
        elif hasattr(model, "region_code") and not hasattr(model, "institution_id"):
            # a government office's rows (yearly reports): inside, a sent report of Kota Pasuruan (its province and
            # Kemensos see it too); outside, one of DKI Jakarta, which only Kemensos reaches
            found.inside[model] = session.scalar(select(func.max(model.id)).where(
                model.region_code == "35.75", model.state != "draft"))
            found.outside[model] = session.scalar(select(func.max(model.id)).where(
                model.region_code.like("31%"), model.state != "draft"))
        elif hasattr(model, "institution_id"):
            found.inside[model] = session.scalar(select(func.max(model.id)).where(model.institution_id == inside_inst))
            found.outside[model] = session.scalar(select(func.max(model.id)).where(model.institution_id.in_(outside)))
        else:  # national rows (instrument, holiday): every role that reads them reads all
            found.inside[model] = session.scalar(select(func.min(model.id)))
    from lpks.platform.models.user import User as Person

    for resident in session.scalars(select(Resident)):
        if resident.institution_id is None:  # a Dinas Sosial's own child: its assigned officers only (RULES §8)
            officers = set(session.scalars(select(Person.username).join(CaseOfficer, CaseOfficer.user_id == Person.id)
                                           .join(ChildCase, ChildCase.id == CaseOfficer.case_id)
                                           .where(ChildCase.resident_id == resident.id,
                                                  ChildCase.closed_on.is_(None), CaseOfficer.ended_on.is_(None))))
            for value in (resident.full_name, resident.nik):
                if value:
                    found.office_children[value] = officers
            continue
        name = next(n for n, i in inst_ids.items() if i == resident.institution_id)
        for value in (resident.full_name, resident.nik):
            if value:
                found.child_names[value] = name
    # A referral's two parties know each other (RULES §7): the LPKS it was sent to, or sent from, may be named to
    # Kota Pasuruan (its LPKS and its Dinas Sosial). Read from the data, not from the policy.
    by_id = {i: n for n, i in inst_ids.items()}
    for sender, receiver in session.execute(select(Referral.institution_id, Referral.receiver_institution_id)):
        if inside_inst in (sender, receiver):
            found.referral_parties |= {by_id[i] for i in (sender, receiver) if i in by_id}
    return found


def forbidden_texts(role: str, objects: Objects, directory: bool = False) -> set[str]:
    """Strings no response to `role` may contain: other LPKS' names (except on a DIRECTORY_ROUTES page, and the
    parties of the referrals of Kota Pasuruan for its own roles), identities the role may not see."""
    texts = set()
    if role not in ("kemensos", "admin") and not directory:
        texts |= set(INSTITUTIONS) - VISIBLE[role]
        if PASURUAN_CITY in VISIBLE[role]:
            texts -= objects.referral_parties
    if role in ("anonymous", "admin"):
        texts |= {INSIDE_CHILD["register_number"], OUTSIDE_CHILD["register_number"]}
    elif role != "kemensos":
        texts.add(OUTSIDE_CHILD["register_number"])
    for value, inst in objects.child_names.items():
        if not (role in IDENTITY_ROLES and inst in VISIBLE[role]):
            texts.add(value)
    texts |= {value for value, officers in objects.office_children.items() if role not in officers}
    return texts


def object_model(rule, admin_views: dict):
    """The model a rule's object id refers to, or None when the rule takes no object."""
    prefix = rule.endpoint.split(".")[0]
    if rule.endpoint.startswith("api."):
        if "ident" not in rule.arguments:
            return None
        resource = re.match(r"/api/v1/(.+?)/<int:ident>", rule.rule).group(1)
        assert resource in API_MODELS, f"add {resource!r} to API_MODELS ({rule.rule})"
        return API_MODELS[resource]
    if "ident" in rule.arguments:
        model = PAGE_MODELS.get(rule.endpoint) or PAGE_MODELS.get(prefix)
        assert model is not None, f"add {rule.endpoint!r} to PAGE_MODELS ({rule.rule})"
        return model
    if rule.endpoint in QUERY_OBJECTS:
        return QUERY_OBJECTS[rule.endpoint][1]
    if rule.endpoint.endswith(OBJECTLESS):
        return None
    view = admin_views.get(prefix)
    return getattr(view, "model", None)


def urls(rule, ident) -> list[str]:
    """Concrete URLs of a rule for one object id (None: the rule's list or form, without an object)."""
    paths = [rule.rule]
    for arg in rule.arguments:
        if arg == "ident":
            values = (str(ident),)
        else:
            assert arg in PATH_VALUES, f"add a value for <{arg}> to PATH_VALUES ({rule.rule})"
            values = PATH_VALUES[arg]
        paths = [re.sub(r"<(?:[^:>]+:)?%s>" % arg, v, p) for p in paths for v in values]
    if ident is not None and "ident" not in rule.arguments and not rule.rule.startswith("/api/"):
        name = QUERY_OBJECTS.get(rule.endpoint, ("id",))[0]
        paths = [f"{p}?{name}={ident}" for p in paths]
    return paths


def write_summary(path: Path, role: str, backend: str, counts: dict) -> None:
    """Add one role's figures to the run's summary file (read by the session finaliser)."""
    data = json.loads(path.read_text()) if path.exists() else {}
    data[f"{backend}:{role}"] = counts
    path.write_text(json.dumps(data, indent=1, sort_keys=True))

