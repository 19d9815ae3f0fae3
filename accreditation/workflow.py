"""The accreditation workflow (Pasal 56, 85 huruf e, 86 huruf g, 87 huruf h; RULES §3): which role may move an
assessment from which state to which, and with what inputs.

RULES §3: LPKS self-assessment (draft → submitted) → Dinas Sosial kabupaten/kota verifies (may return with notes)
and proposes → province recommends or returns → Kemensos designates with grade, decree number and date → valid
until (designation date + validity) → expired. Decisions where RULES is silent, kept here and nowhere else:
- a return always goes one step back (province → kabupaten/kota verification, Kemensos → province), so the office
  that forwarded the file answers for it; only the kabupaten/kota returns a file to the LPKS for revision;
- the LPKS may cancel its own draft or returned self-assessment (with a reason); one open assessment per LPKS;
- a return, a cancellation and an adjusted indicator need a written reason; forward steps take an optional note;
- an answer that earns points and is not confirmed by the registry needs evidence (a written note) to be submitted;
- a designation outside the bands' grade needs a written reason; "not accredited" is a designation too (no validity);
- a newer designation supersedes the older one; a designation whose validity has passed is expired (by date, so
  a read on the day after the last valid day already treats it as expired, before the daily job records it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from .errors import AccreditationError, Problem
from .levels import Grade

ROLE_OPERATOR = "operator_lpks"
ROLE_KABKOTA = "dinsos_kabkota"
ROLE_PROVINCE = "dinsos_provinsi"
ROLE_KEMENSOS = "kemensos"
ROLE_SYSTEM = "sistem"  # the daily expiry job and supersession; never a person

EXPIRY_WARNING_DAYS = 180  # issue 4: every role sees accreditations expiring within 180 days


class State(str, Enum):
    """Where an assessment stands."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    PROPOSED = "proposed"
    RECOMMENDED = "recommended"
    DESIGNATED = "designated"
    EXPIRED = "expired"
    SUPERSEDED = "superseded"
    CANCELLED = "cancelled"


OPEN_STATES = frozenset({State.DRAFT, State.SUBMITTED, State.RETURNED, State.PROPOSED, State.RECOMMENDED})
DECIDED_STATES = frozenset({State.DESIGNATED, State.EXPIRED, State.SUPERSEDED})
# Submitted and not yet decided: the offices review what the LPKS cited, so the evidence it cited stays as it was.
UNDER_REVIEW = OPEN_STATES - {State.DRAFT}

STATE_LABELS = {
    State.DRAFT: ("Draf penilaian mandiri", "Self-assessment draft"),
    State.SUBMITTED: ("Menunggu verifikasi Dinas Sosial kabupaten/kota", "Awaiting district verification"),
    State.RETURNED: ("Dikembalikan ke LPKS untuk perbaikan", "Returned to the LPKS for revision"),
    State.PROPOSED: ("Diusulkan ke Dinas Sosial provinsi", "Proposed to the province"),
    State.RECOMMENDED: ("Direkomendasikan ke Menteri", "Recommended to the Minister"),
    State.DESIGNATED: ("Ditetapkan", "Designated"),
    State.EXPIRED: ("Kedaluwarsa", "Expired"),
    State.SUPERSEDED: ("Digantikan penetapan baru", "Superseded by a newer designation"),
    State.CANCELLED: ("Dibatalkan LPKS", "Cancelled by the LPKS"),
}


class Action(str, Enum):
    """A step of the workflow."""

    SUBMIT = "submit"
    CANCEL = "cancel"
    RETURN = "return"
    PROPOSE = "propose"
    RETURN_TO_KABKOTA = "return_to_kabkota"
    RECOMMEND = "recommend"
    RETURN_TO_PROVINCE = "return_to_province"
    DESIGNATE = "designate"
    EXPIRE = "expire"
    SUPERSEDE = "supersede"


@dataclass(frozen=True)
class Transition:
    """One allowed step: who, from where, to where, on which legal basis, and whether a reason is required."""

    action: Action
    role: str
    sources: frozenset[State]
    target: State
    pasal: str
    label_id: str
    label_en: str
    reason_required: bool = False


_EDITABLE = frozenset({State.DRAFT, State.RETURNED})
TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.SUBMIT, ROLE_OPERATOR, _EDITABLE, State.SUBMITTED, "Pasal 87 huruf h",
               "Ajukan penilaian mandiri", "Submit the self-assessment"),
    Transition(Action.CANCEL, ROLE_OPERATOR, _EDITABLE, State.CANCELLED, "-",
               "Batalkan penilaian mandiri", "Cancel the self-assessment", reason_required=True),
    Transition(Action.RETURN, ROLE_KABKOTA, frozenset({State.SUBMITTED}), State.RETURNED, "Pasal 87 huruf h",
               "Kembalikan ke LPKS untuk perbaikan", "Return to the LPKS for revision", reason_required=True),
    Transition(Action.PROPOSE, ROLE_KABKOTA, frozenset({State.SUBMITTED}), State.PROPOSED, "Pasal 87 huruf h",
               "Usulkan ke Dinas Sosial provinsi", "Propose to the province"),
    Transition(Action.RETURN_TO_KABKOTA, ROLE_PROVINCE, frozenset({State.PROPOSED}), State.SUBMITTED,
               "Pasal 86 huruf g", "Kembalikan ke Dinas Sosial kabupaten/kota", "Return to the district office",
               reason_required=True),
    Transition(Action.RECOMMEND, ROLE_PROVINCE, frozenset({State.PROPOSED}), State.RECOMMENDED, "Pasal 86 huruf g",
               "Rekomendasikan kepada Menteri", "Recommend to the Minister"),
    Transition(Action.RETURN_TO_PROVINCE, ROLE_KEMENSOS, frozenset({State.RECOMMENDED}), State.PROPOSED,
               "Pasal 85 huruf e", "Kembalikan ke Dinas Sosial provinsi", "Return to the province",
               reason_required=True),
    Transition(Action.DESIGNATE, ROLE_KEMENSOS, frozenset({State.RECOMMENDED}), State.DESIGNATED,
               "Pasal 56; Pasal 85 huruf e", "Tetapkan akreditasi", "Designate the accreditation"),
    Transition(Action.EXPIRE, ROLE_SYSTEM, frozenset({State.DESIGNATED}), State.EXPIRED, "Pasal 56",
               "Masa berlaku berakhir", "Validity ended"),
    Transition(Action.SUPERSEDE, ROLE_SYSTEM, frozenset({State.DESIGNATED}), State.SUPERSEDED, "Pasal 56",
               "Digantikan penetapan baru", "Superseded by a newer designation"),
)
_BY_ACTION = {t.action: t for t in TRANSITIONS}

# Each role's queue: the states waiting for that role's step (issue 4: "to verify", "to recommend", "to designate").
QUEUES = {
    ROLE_OPERATOR: (State.DRAFT, State.RETURNED),
    ROLE_KABKOTA: (State.SUBMITTED,),
    ROLE_PROVINCE: (State.PROPOSED,),
    ROLE_KEMENSOS: (State.RECOMMENDED,),
}


class WorkflowError(AccreditationError):
    """A refused step; `kind` says why: 'role' (not this role's step), 'state' (not from here), 'input'."""

    def __init__(self, kind: str, field: str, message: str, message_en: str = "", *,
                 problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(field, message, message_en, problems=problems)
        self.kind = kind


def _state(value: State | str) -> State:
    try:
        return State(value)
    except ValueError:
        raise WorkflowError("input", "state", f"Status '{value}' tidak dikenal.", f"Unknown state '{value}'.") from None


def transition_for(action: Action | str) -> Transition:
    """The transition of an action; WorkflowError naming 'action' when unknown."""
    try:
        return _BY_ACTION[Action(action)]
    except ValueError:
        allowed = ", ".join(a.value for a in Action if _BY_ACTION[a].role != ROLE_SYSTEM)
        raise WorkflowError("input", "action", f"Tindakan '{action}' tidak dikenal; pilihan: {allowed}.",
                            f"Unknown action '{action}'; allowed: {allowed}.") from None


def available_actions(role: str, state: State | str) -> tuple[Transition, ...]:
    """The steps this role may take on an assessment in this state (buttons, API hints)."""
    current = _state(state)
    return tuple(t for t in TRANSITIONS if t.role == role and current in t.sources)


def _blank(text: str | None) -> bool:
    return text is None or not str(text).strip()


def check_transition(action: Action | str, role: str, state: State | str, *, reason: str = "") -> Transition:
    """Whether `role` may take `action` from `state` (and gave a reason where one is required)."""
    step = transition_for(action)
    current = _state(state)
    if role != step.role:
        raise WorkflowError("role", "action", f"Langkah '{step.label_id}' bukan wewenang peran Anda.",
                            f"'{step.label_en}' is not your role's step.")
    if current not in step.sources:
        label, label_en = STATE_LABELS[current]
        raise WorkflowError("state", "action", f"Langkah '{step.label_id}' tidak dapat dilakukan: status penilaian "
                            f"sekarang '{label}'.", f"'{step.label_en}' is not possible: the assessment is '{label_en}'.")
    if step.reason_required and _blank(reason):
        raise WorkflowError("input", "reason", f"Langkah '{step.label_id}' wajib disertai alasan tertulis.",
                            f"'{step.label_en}' requires a written reason.")
    return step


def check_complete(missing: Iterable[str]) -> None:
    """Submitting and designating need every indicator answered (an unanswered one would score 0 unseen)."""
    missing = tuple(missing)
    if missing:
        shown = ", ".join(missing[:5]) + (f" dan {len(missing) - 5} lainnya" if len(missing) > 5 else "")
        raise WorkflowError("input", "answers", f"{len(missing)} indikator belum dijawab: {shown}.",
                            f"{len(missing)} indicators are unanswered.")


def needs_evidence(points: object, confirmed_by_registry: bool) -> bool:
    """An answer that earns points needs evidence unless the registry already confirms it (issue 4)."""
    return not confirmed_by_registry and points is not None and points > 0  # type: ignore[operator]


def check_evidence(items: Iterable[tuple[str, object, bool, str | None]]) -> None:
    """Items (indicator, points, confirmed by registry, evidence): every one needing evidence has it."""
    lacking = [code for code, points, confirmed, evidence in items
               if needs_evidence(points, confirmed) and _blank(evidence)]
    if lacking:
        shown = ", ".join(lacking[:5]) + (f" dan {len(lacking) - 5} lainnya" if len(lacking) > 5 else "")
        raise WorkflowError("input", "evidence", f"{len(lacking)} jawaban belum disertai bukti: {shown}. Jawaban "
                            "yang memperoleh skor dan tidak berasal dari registri wajib disertai bukti.",
                            f"{len(lacking)} answers have no evidence.")


def may_answer(role: str, state: State | str) -> bool:
    """The LPKS operator answers its own self-assessment while it is a draft or returned for revision."""
    return role == ROLE_OPERATOR and _state(state) in _EDITABLE


def check_answer(role: str, state: State | str) -> None:
    """Refuse an answer change outside the LPKS's draft or revision."""
    if role != ROLE_OPERATOR:
        raise WorkflowError("role", "answers", "Jawaban penilaian mandiri hanya diisi operator LPKS.",
                            "Only the LPKS operator answers the self-assessment.")
    if not may_answer(role, state):
        raise WorkflowError("state", "answers", "Jawaban hanya dapat diubah selama draf atau setelah dikembalikan "
                            "untuk perbaikan.", "Answers change only in a draft or after a return.")


def may_adjust(role: str, state: State | str) -> bool:
    """The Dinas Sosial kabupaten/kota adjusts indicators while it verifies (Pasal 87 huruf h)."""
    return role == ROLE_KABKOTA and _state(state) is State.SUBMITTED


def check_adjustment(role: str, state: State | str, reason: str | None) -> None:
    """An adjustment: the verifying office's, during verification, always with a written reason."""
    if role != ROLE_KABKOTA:
        raise WorkflowError("role", "indicator", "Penyesuaian indikator hanya oleh Dinas Sosial kabupaten/kota.",
                            "Only the district office adjusts indicators.")
    if not may_adjust(role, state):
        raise WorkflowError("state", "indicator", "Indikator hanya dapat disesuaikan selama verifikasi.",
                            "Indicators are adjusted only during verification.")
    if _blank(reason):
        raise WorkflowError("input", "reason", "Penyesuaian indikator wajib disertai alasan tertulis.",
                            "An adjustment requires a written reason.")


def check_start(role: str, has_open: bool) -> None:
    """The LPKS starts its self-assessment; one open assessment at a time."""
    if role != ROLE_OPERATOR:
        raise WorkflowError("role", "institution_id", "Penilaian mandiri dimulai oleh operator LPKS.",
                            "The LPKS operator starts the self-assessment.")
    if has_open:
        raise WorkflowError("state", "institution_id", "LPKS ini masih memiliki penilaian yang sedang berjalan; "
                            "selesaikan atau batalkan dahulu.", "This LPKS already has an assessment in progress.")


def check_designation(band_grade: Grade | None, grade: Grade | None, grade_reason: str | None,
                      decree_number: str | None, decree_date: date | None, today: date) -> None:
    """Designation inputs (Pasal 56, 85 huruf e): decree number and date; a grade off the bands needs a reason.
    Every missing input is reported at once."""
    problems = []
    if _blank(decree_number):
        problems.append(Problem("decree_number", "Nomor keputusan penetapan wajib diisi.",
                                "The decree number is required."))
    if decree_date is None:
        problems.append(Problem("decree_date", "Tanggal keputusan penetapan wajib diisi.",
                                "The decree date is required."))
    elif decree_date > today:
        problems.append(Problem("decree_date", "Tanggal keputusan tidak boleh setelah hari ini.",
                                "The decree date cannot be in the future."))
    if grade != band_grade and _blank(grade_reason):
        banded = band_grade.value if band_grade else "tidak terakreditasi"
        problems.append(Problem("grade_reason", f"Nilai akreditasi berbeda dari rentang nilai ({banded}) hanya "
                                "dengan alasan tertulis.", "A grade other than the band's needs a written reason."))
    if problems:
        raise WorkflowError("input", problems[0].field, problems[0].message, problems[0].message_en,
                            problems=tuple(problems))


def check_decree_in_force(decree_date: date, valid_until: date | None, submitted_on: date | None,
                          current_decree_date: date | None, today: date) -> None:
    """A designation holds on the day it is recorded (Pasal 56, 85 huruf e). Its decree cannot predate the
    self-assessment it decides, cannot leave it expired on arrival, and cannot replace the designation in force with
    an older decree (a 1990 decree used to supersede the current designation and expire at once)."""
    if submitted_on is not None and decree_date < submitted_on:
        raise WorkflowError("input", "decree_date", f"Tanggal keputusan {decree_date.isoformat()} mendahului "
                            f"pengajuan penilaian mandiri ini ({submitted_on.isoformat()}): keputusan penetapan "
                            "diterbitkan atas penilaian yang diputuskannya, tidak sebelumnya.",
                            "The decree cannot predate the self-assessment it decides.")
    if valid_until is not None and valid_until < today:
        raise WorkflowError("input", "decree_date", f"Keputusan tertanggal {decree_date.isoformat()} hanya berlaku "
                            f"sampai {valid_until.isoformat()}: penetapan akan kedaluwarsa saat dicatat. Periksa "
                            "tanggal keputusan.", "The designation would be expired on arrival.")
    if current_decree_date is not None and decree_date < current_decree_date:
        raise WorkflowError("input", "decree_date", "Penetapan yang berlaku bertanggal "
                            f"{current_decree_date.isoformat()}; keputusan bertanggal {decree_date.isoformat()} "
                            "lebih lama dan tidak dapat menggantikannya.",
                            "An older decree cannot replace the designation in force.")


def effective_state(state: State | str, valid_until: date | None, today: date) -> State:
    """A designation past its last valid day is expired, whether or not the daily job has recorded it yet."""
    current = _state(state)
    if current is State.DESIGNATED and valid_until is not None and valid_until < today:
        return State.EXPIRED
    return current


def check_expiry(state: State | str, valid_until: date | None, today: date) -> Transition:
    """The daily job may expire a designation only once its last valid day has passed."""
    step = check_transition(Action.EXPIRE, ROLE_SYSTEM, state)
    if valid_until is None or valid_until >= today:
        raise WorkflowError("state", "valid_until", "Akreditasi masih berlaku.", "The accreditation is still valid.")
    return step


def valid_grade(state: State | str, grade: Grade | None, valid_until: date | None, today: date) -> Grade | None:
    """The grade an assessment gives its LPKS today: a designation not yet expired, otherwise none."""
    if effective_state(state, valid_until, today) is not State.DESIGNATED:
        return None
    return grade


def expiry_horizon(today: date) -> date:
    """The last validity date still listed as "expiring" today (a query bound: valid_until <= horizon)."""
    return today + timedelta(days=EXPIRY_WARNING_DAYS)


def expiring(valid_until: date | None, today: date) -> bool:
    """Whether a designation ends within EXPIRY_WARNING_DAYS days, today included, and has not ended yet."""
    return valid_until is not None and today <= valid_until <= expiry_horizon(today)
