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

from lpks.accreditation.models import AccreditationInstrument, Assessment, InstitutionClass
from lpks.residents.models.custody import CustodyPeriod
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.platform.models.holiday import Holiday
from lpks.platform.models.job import Job
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition
from lpks.residents.models.placement import Placement, PlacementDocument
from lpks.registry.models.registration import Registration
from lpks.residents.models.resident import Resident
from lpks.registry.models.staff import StaffMember
from lpks.platform.models.user import User
from lpks.registry.models.verification import Verification

ROLES = ("anonymous", "operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim", "kemensos", "admin")

PASURUAN_CITY = "LPKS Bina Harapan Kota Pasuruan"
JAKARTA_EAST = "LPKS Tunas Bangsa Jakarta Timur"
INSTITUTIONS = (PASURUAN_CITY, "LPKS Taruna Mandiri Pasuruan", "UPT Rehabilitasi Sosial Anak Surabaya",
                "LPKS Cahaya Anak Malang", "LPKS Pelita Jakarta Selatan", JAKARTA_EAST)
# The LPKS whose records each role reaches (RULES §1); the administrator reaches LPKS profiles but no child data.
VISIBLE = {"anonymous": set(), "operator.pasuruan": {PASURUAN_CITY}, "dinsos.pasuruan": {PASURUAN_CITY},
           "dinsos.jatim": set(INSTITUTIONS[:4]), "kemensos": set(INSTITUTIONS), "admin": set(INSTITUTIONS)}
# Roles that may reveal a full identity of a child in their scope (RULES §1 Reading).
IDENTITY_ROLES = {"operator.pasuruan", "dinsos.pasuruan"}

# Children seeded by the matrix with unique names and NIKs: one inside Kota Pasuruan, one in Jakarta Timur.
INSIDE_CHILD = {"register_number": "ABH-MATRIKS-DALAM", "full_name": "Kirana Widyasari Tanjungsekar",
                "nik": "3575019912990001"}
OUTSIDE_CHILD = {"register_number": "ABH-MATRIKS-LUAR", "full_name": "Larasati Purnamaningrum Cakung",
                 "nik": "3175029912990002"}

# Which model an `<int:ident>` (custom pages, API) or `?id=` (Flask-Admin) names. A new route taking an id whose
# model is not found here fails the matrix until it is added: no route escapes silently.
PAGE_MODELS = {"accreditation": Assessment, "accreditation_instrument": AccreditationInstrument,
               "registry": Institution, "registry_files": Institution, "registry_files.download": EvidenceDocument,
               "standards": Institution, "verify": Verification, "downloads.file": Job}
API_MODELS = {"accreditation/assessments": Assessment, "accreditation/classes": InstitutionClass,
              "accreditation/instruments": AccreditationInstrument, "custody-periods": CustodyPeriod,
              "evidence": EvidenceDocument, "financial-reports": FinancialReport, "funding-sources": FundingSource,
              "holidays": Holiday, "institutions": Institution, "placement-documents": PlacementDocument,
              "placements": Placement, "positions": OrganisationPosition, "registrations": Registration,
              "residents": Resident,
              "staff": StaffMember, "verifications": Verification}
# Flask-Admin endpoints that take no object (the list, its export, the empty form, lookups): one cell each.
OBJECTLESS = ("index_view", "export", "create_view", "ajax_lookup", "export_xlsx", "import_view", "import_template",
              "seed_view", "export_identity")
# Custom admin pages naming their object by another query parameter than `id`.
QUERY_OBJECTS = {"placement.new_view": ("resident_id", Resident)}
# Routes the matrix cannot instantiate meaningfully, and why (keep this short).
NOT_INSTANTIATED = {
    "static": "static files: no data, served without login",
    "home.static": "Flask-Admin's static files: no data",
}
# Path arguments that are not object ids: the values to use.
PATH_VALUES = {"export_type": ("csv", "xlsx"), "document": ("bast", "serah-terima-titipan", "pemberitahuan"),
               "code": ("en",), "_unknown": ("tidak-ada",)}


@dataclass
class Objects:
    """Per model: (id inside the Pasuruan city LPKS, id outside every regional scope), and identities."""

    inside: dict = field(default_factory=dict)
    outside: dict = field(default_factory=dict)
    max_id: dict = field(default_factory=dict)
    child_names: dict = field(default_factory=dict)  # identity value -> institution name


def seed_children(app, session) -> None:
    """Two residents with known identities, each with a placement, a custody period and a document."""
    from lpks.residents.services import custody, placements, admission as placements_admission
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
                "code": "permohonan_penitipan", "number": "M-1", "received_at": placement.created_at})
            custody.open_period(session, actor, placement, {
                "level": "penyidikan", "start_date": start, "granted_days": 7, "letter_number": "SP/M",
                "depositor_agency": "Polres Contoh", "depositor_superior": "Kapolres Contoh"})
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
        elif hasattr(model, "institution_id"):
            found.inside[model] = session.scalar(select(func.max(model.id)).where(model.institution_id == inside_inst))
            found.outside[model] = session.scalar(select(func.max(model.id)).where(model.institution_id.in_(outside)))
        else:  # national rows (instrument, holiday): every role that reads them reads all
            found.inside[model] = session.scalar(select(func.min(model.id)))
    for resident in session.scalars(select(Resident)):
        name = next(n for n, i in inst_ids.items() if i == resident.institution_id)
        for value in (resident.full_name, resident.nik):
            if value:
                found.child_names[value] = name
    return found


def forbidden_texts(role: str, objects: Objects) -> set[str]:
    """Strings no response to `role` may contain: other LPKS' names, identities the role may not see."""
    texts = set()
    if role not in ("kemensos", "admin"):
        texts |= set(INSTITUTIONS) - VISIBLE[role]
    if role in ("anonymous", "admin"):
        texts |= {INSIDE_CHILD["register_number"], OUTSIDE_CHILD["register_number"]}
    elif role != "kemensos":
        texts.add(OUTSIDE_CHILD["register_number"])
    for value, inst in objects.child_names.items():
        if not (role in IDENTITY_ROLES and inst in VISIBLE[role]):
            texts.add(value)
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

