"""Demo accreditation data (issue 4): the default instrument and, per demo LPKS, an accreditation at a different
point of the workflow, dated relative to today so the queues, the 180-day warning, the classes and an expired
accreditation all show. LPKS Bina Harapan (operator.pasuruan) has no open assessment: its operator starts one.
Idempotent: an LPKS that already has an assessment is left alone."""
from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import Grade, Instrument, valid_until
from accreditation.scoring import add_years
from accreditation.workflow import Action, State
from lpks.accreditation.models import Assessment, AssessmentConflictReason
from lpks.accreditation.services.conflicts import conflicts_of
from lpks.accreditation.services import assessments, classes, instruments
from lpks.accreditation.services.assessments import record_event
from lpks.accreditation.services.registry_facts import registry_report, suggestions
from lpks.accreditation.services.steps import _move, expire_due
from lpks.platform import clock
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution

# index in demo.DEMO_INSTITUTIONS: (share of indicators met, last step, years since the decree (+ days))
PLAN = {
    0: (0.3, "designated", (2, 100)),  # grade C decreed 2 years 100 days ago: expired, history only
    1: (0.6, "proposed", None),  # waits for the province (dinsos.jatim)
    2: (0.85, "designated", (1, 0)),  # grade A, provincial referral, 4 kabupaten/kota: class B
    3: (0.6, "designated", (3, -120)),  # grade B, expires within 180 days: class C
    4: (0.85, "recommended", None),  # waits for Kemensos
    5: (0.9, "designated", (2, 0)),  # grade A, national referral, two provinces: class A
}
PATH = {"proposed": ("submit", "propose"), "recommended": ("submit", "propose", "recommend"),
        "designated": ("submit", "propose", "recommend", "designate")}
NOTES = {"submit": "Penilaian mandiri lengkap dengan bukti.",
         "propose": "Hasil verifikasi lapangan sesuai; diusulkan ke provinsi (Pasal 87 huruf h).",
         "recommend": "Direkomendasikan kepada Menteri (Pasal 86 huruf g).",
         "designate": "Ditetapkan sesuai rentang nilai."}


def _actor(session: Session, username: str, role: str) -> SimpleNamespace:
    user = session.scalar(select(User).where(User.username == username))
    return SimpleNamespace(id=user.id if user else None, username=username, role=role)


def _answers(instr: Instrument, share: float) -> dict[str, str]:
    """Per aspect, the first `share` of its indicators met, the rest partly met."""
    answers = {}
    for aspect in instr.aspects:
        met = round(len(aspect.indicators) * share)
        for index, ind in enumerate(aspect.indicators):
            answers[ind.code] = "terpenuhi" if index < met else "sebagian"
    return answers


def _seed_one(session: Session, inst: Institution, index: int, row, instr: Instrument) -> str:
    share, last, age = PLAN[index]
    today = clock.today()
    operator = SimpleNamespace(id=None, username=f"operator.lpks{inst.id}", role="operator_lpks")
    if index == 0:
        operator = _actor(session, "operator.pasuruan", "operator_lpks")
    kabkota = _actor(session, "dinsos.pasuruan" if inst.kabkota_code == "35.75" else f"dinsos.{inst.kabkota_code}",
                     "dinsos_kabkota")
    province = _actor(session, "dinsos.jatim" if inst.province_code == "35" else f"dinsos.{inst.province_code}",
                      "dinsos_provinsi")
    actors = {"submit": operator, "propose": kabkota, "recommend": province,
              "designate": _actor(session, "kemensos", "kemensos")}
    assessment = Assessment(institution_id=inst.id, instrument_id=row.id, started_by_id=operator.id)
    session.add(assessment)
    session.flush()
    record_event(session, assessment, operator, "start", None, State.DRAFT.value, None)
    suggested = suggestions(instr, registry_report(session, inst))
    for n, (code, answer) in enumerate(_answers(instr, share).items(), start=1):
        registry = suggested.get(code)
        if registry is not None and registry[0] == answer:
            assessments._add(session, assessment, operator, code, answer, assessments.SOURCE_REGISTRY,
                             reason=registry[1])
        else:
            assessments._add(session, assessment, operator, code, answer, assessments.SOURCE_SELF,
                             evidence=f"Arsip LPKS, map nomor {n}")
    session.flush()
    result = assessments.rescore(session, assessment)
    for action in PATH[last]:
        if action == "designate":
            decree_date = add_years(today, -age[0]) - timedelta(days=age[1])
            grade = result.grade or Grade.C
            assessment.grade, assessment.decree_date = grade.value, decree_date
            assessment.decree_number = f"{inst.id:03d}/HUK/{decree_date.year}"
            assessment.valid_until = valid_until(decree_date, grade, instr)
            assessment.designated_by_id, assessment.designated_at = actors[action].id, utcnow()
            if assessment.valid_until >= today:  # the profile shows the designation in force (Pasal 56; RULES §3)
                inst.designation_decree_number, inst.designation_decree_date = assessment.decree_number, decree_date
        if action == "submit":
            assessment.submitted_at = utcnow()
        if action == "propose":
            _accept_conflicts(session, assessment, actors[action], suggested)
        target = {"submit": State.SUBMITTED, "propose": State.PROPOSED, "recommend": State.RECOMMENDED,
                  "designate": State.DESIGNATED}[action]
        _move(session, assessment, actors[action], Action(action).value, target, NOTES[action], result)
    session.flush()
    return f"{inst.name}: {assessment.state} ({result.total})"


def _accept_conflicts(session: Session, assessment: Assessment, reviewer: SimpleNamespace,
                      suggested: dict[str, tuple[str, str]]) -> None:
    """The verifier records why each answer the registry contradicts goes forward (RULES §3), as a reviewer must."""
    for code, conflict in conflicts_of(session, assessment, suggested=suggested).items():
        session.add(AssessmentConflictReason(
            assessment_id=assessment.id, institution_id=assessment.institution_id, indicator_code=code,
            answer_code=conflict["answer"], registry_answer=conflict["registry_answer"],
            reason="Diperiksa saat verifikasi lapangan: bukti fisiknya ada di LPKS, registri belum diperbarui.",
            user_id=reviewer.id, username=reviewer.username, role=reviewer.role, at=utcnow()))
    session.flush()


def seed_accreditation(session: Session, institutions: list[Institution]) -> str:
    """Seed the instrument and the demo accreditations (idempotent)."""
    row, _created = instruments.ensure_default(session)
    instr = instruments.load(row)
    done = []
    for index, inst in enumerate(institutions):
        if index not in PLAN or session.scalar(select(Assessment.id).where(Assessment.institution_id == inst.id)):
            continue
        done.append(_seed_one(session, inst, index, row, instr))
    run = expire_due(session)
    classes.recompute(session, institutions, "demo")
    session.flush()
    return f"akreditasi: instrumen {row.version}; {len(done)} penilaian contoh; {run.expired} kedaluwarsa dicatat"
