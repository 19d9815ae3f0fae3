"""The child's cases of the national data set (issue 13), after the residents and placements are in: one case per
child who was admitted (opened at the first admission), its stages, assessment and case conference, plan and needs,
services of Pasal 35, companion, reintegration and follow-up visits, and referrals in every status — every due date
computed by lpks.rules as the services store it. Children held now have open cases spread over the stages by the time
since admission; children who left have closed cases (completed, or terminated early for Pasal 33 ayat 2 b–d)."""
from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

from sqlalchemy import select

from benchmarks.generate import CHUNK, at, bulk

FORMS = ("motivasi_diagnosis", "perawatan_pengasuhan", "vokasional_kewirausahaan", "mental_spiritual", "fisik",
         "sosial_konseling", "aksesibilitas", "bantuan_asistensi")
OPEN_BY_DAYS = ((5, "pendekatan_awal"), (12, "asesmen"), (20, "rencana"), (75, "intervensi"),
                (10_000, "resosialisasi"))


def _owner(inst: int) -> dict:
    return {"institution_id": inst, "owner_region_code": None}


class CaseGenerator:
    """Rows of every case table, chunk by chunk."""

    def __init__(self, conn, today: date, seed: int = 13):
        from lpks.cases.models import (
            CaseAssessment,
            CaseCompanion,
            CaseConference,
            CasePlan,
            CaseService,
            CaseStage,
            ChildCase,
            ConferenceParticipant,
            FollowUpVisit,
            PlanNeed,
            Referral,
            Reintegration,
        )
        from lpks.rules.case_tasks import TaskDefaults

        self.conn, self.today, self.rng, self.defaults = conn, today, random.Random(seed), TaskDefaults()
        self.tables = (ChildCase, CaseStage, CaseAssessment, CaseConference, ConferenceParticipant, CasePlan,
                       PlanNeed, CaseService, Reintegration, FollowUpVisit, CaseCompanion, Referral)
        self.out = {t: [] for t in self.tables}
        self.ids = {t: (conn.scalar(select(t.__table__.c.id).order_by(t.__table__.c.id.desc()).limit(1)) or 0) + 1
                    for t in self.tables}
        self.counts = defaultdict(int)

    def _add(self, table, row: dict) -> int:
        ident = self.ids[table]
        self.ids[table] += 1
        self.out[table].append({"id": ident, **row})
        self.counts[table.__tablename__] += 1
        return ident

    def flush(self, force: bool = False) -> None:
        if force or sum(len(rows) for rows in self.out.values()) >= CHUNK:
            for table in self.tables:  # parents first
                bulk(self.conn, table.__table__, self.out[table])
                self.out[table] = []

    def run(self, institutions: list[int]) -> dict:
        """Read the placements and staff, then write the cases; returns the rows made per table."""
        from lpks.registry.models.institution import Institution
        from lpks.registry.models.staff import StaffMember
        from lpks.residents.models.placement import Placement

        staff = defaultdict(list)
        for inst, ident, function in self.conn.execute(select(StaffMember.institution_id, StaffMember.id,
                                                              StaffMember.function)
                                                       .where(StaffMember.function.in_(("peksos", "tks")))):
            staff[(inst, function)].append(ident)
        self.staff = staff
        self.lpks = [i for (i,) in self.conn.execute(select(Institution.id))]
        from lpks.cases.models import ChildCase

        known = set(self.conn.scalars(select(ChildCase.resident_id)))  # the demo's children have theirs
        stays = defaultdict(list)
        for row in self.conn.execute(select(Placement.resident_id, Placement.institution_id, Placement.handover_at,
                                            Placement.status, Placement.exit_date, Placement.exit_reason)
                                     .where(Placement.handover_at.is_not(None)).order_by(Placement.start_date)):
            stays[row.resident_id].append(row)
        for resident_id, rows in stays.items():
            if resident_id in known:
                continue
            self.case(resident_id, rows)
            self.flush()
        self.flush(force=True)
        return dict(self.counts)

    def _stage(self, case_id: int, inst: int, stage: str, opened: date, completed: date | None, author) -> None:
        from lpks.cases.models import CaseStage
        from lpks.rules.case_stages import STAGE_ACTIVITIES, Stage

        self._add(CaseStage, {**_owner(inst), "case_id": case_id, "stage": stage, "opened_on": opened,
                              "activities": ",".join(a.value for a in STAGE_ACTIVITIES[Stage(stage)])
                              if completed else None, "note": None, "completed_on": completed,
                              "author_staff_id": author if completed else None, "completed_by_user_id": None,
                              "version": 1, "created_at": at(opened, self.rng), "updated_at": None})

    def case(self, resident_id: int, rows: list) -> None:
        """One child's case from the first admission to today."""
        from lpks.cases.models import ChildCase
        from lpks.rules.case_stages import STAGES
        from lpks.rules.case_tasks import assessment_due, plan_due

        rng, today, first, last = self.rng, self.today, rows[0], rows[-1]
        inst = last.institution_id
        admitted = first.handover_at.date()
        running, left = last.status == "present", last.exit_date or today
        early = not running and rng.random() < 0.08  # ran away and not found (Pasal 33 ayat 2 huruf c)
        returned = None if running or early else left
        if running:
            target = next(stage for limit, stage in OPEN_BY_DAYS if (today - admitted).days < limit)
            marks = [admitted + timedelta(days=d) for d in (2, 6, 12, 60)] + [today] * 3
        else:
            span = max((left - admitted).days, 1)
            marks = [admitted + timedelta(days=int(span * f)) for f in (0.05, 0.15, 0.3, 0.8, 1, 1, 1)]
            target = "terminasi" if early else "bimbingan_lanjut"
        closed = left if early else (returned + timedelta(days=190) if returned else None)
        closed = closed if closed and closed <= today else None  # else still in bimbingan lanjut: visits are due
        manager = rng.choice(self.staff.get((inst, "peksos")) or [None])
        index = [s.value for s in STAGES].index(target)
        case_id = self._add(ChildCase, {
            **_owner(inst), "resident_id": resident_id, "origin": "penempatan_lpks", "case_number": None,
            "home_region_code": None, "case_manager_id": manager, "stage": target, "opened_on": admitted,
            "admitted_on": admitted, "assessment_due": assessment_due(admitted, self.defaults),
            "plan_due": plan_due(marks[1], self.defaults) if index >= 2 else None,
            "termination_reason": None if running else ("ran_away_not_found" if early else "completed"),
            "terminated_on": None if running else (left if early else returned), "closed_on": closed, "note": None,
            "version": 1, "created_at": at(admitted, rng), "updated_at": None})
        opened = admitted
        for i, stage in enumerate(STAGES[:index + 1]):
            if early:  # three stages done, the intervention cut short, then terminasi
                if i in (4, 5) and stage.value != "terminasi":
                    continue
                done = marks[i] if i < 3 else (left if stage.value == "terminasi" else None)
            else:
                done = marks[i] if i < index else (closed if stage.value == "bimbingan_lanjut" else None)
            self._stage(case_id, inst, stage.value, opened, done, manager)
            opened = done or opened
        self.records(case_id, inst, 3 if early else index, marks, manager, returned, closed is not None)

    def records(self, case_id: int, inst: int, index: int, marks: list[date], manager, returned, closed) -> None:
        """Assessment, conference, plan, services, companion, reintegration, follow-ups, referral."""
        from lpks.cases.models import (
            CaseAssessment,
            CaseCompanion,
            CaseConference,
            CasePlan,
            CaseService,
            ConferenceParticipant,
            FollowUpVisit,
            PlanNeed,
            Reintegration,
        )
        from lpks.rules.case_tasks import follow_up_dates

        rng, today, owner = self.rng, self.today, _owner(inst)
        companion = rng.choice(self.staff.get((inst, "tks")) or self.staff.get((inst, "peksos")) or [None])
        if companion:
            self._add(CaseCompanion, {**owner, "case_id": case_id, "role": "pendamping", "staff_member_id": companion,
                                      "name": None, "sppa_training_date": None, "assigned_on": marks[0],
                                      "ended_on": None, "version": 1, "created_at": at(marks[0], rng)})
        if index < 1:
            return
        self._add(CaseAssessment, {**owner, "case_id": case_id, "assessed_on": marks[1], "author_staff_id": manager,
                                   "problems": "Putus sekolah", "needs": "Konseling", "potentials": "Terampil",
                                   "resources": "Keluarga", "recommendation": None, "created_at": at(marks[1], rng)})
        if index < 2:
            return
        conference = self._add(CaseConference, {**owner, "case_id": case_id, "held_on": marks[1], "place": None,
                                                "conclusions": "Konseling dan sekolah", "created_at": at(marks[1], rng)})
        for role in ("peksos", "keluarga"):
            self._add(ConferenceParticipant, {**owner, "conference_id": conference, "role": role, "name": None})
        if index < 3:
            return
        self._add(CasePlan, {**owner, "case_id": case_id, "goal": "Kembali ke keluarga", "agreed_on": marks[2],
                             "agreed_with": "anak, keluarga", "version": 1, "created_at": at(marks[2], rng),
                             "updated_at": None})
        for priority in (1, 2):
            self._add(PlanNeed, {**owner, "case_id": case_id, "priority": priority, "need": f"Kebutuhan {priority}"})
        for _n in range(rng.randint(2, 4)):
            due = marks[2] + timedelta(days=rng.randint(3, 80))
            done = None if due > today else (due if closed or index > 3 or rng.random() < 0.7 else None)
            self._add(CaseService, {**owner, "case_id": case_id, "form": rng.choice(FORMS), "description": "Layanan",
                                    "provider": "Peksos", "provider_staff_id": manager, "in_plan": True,
                                    "planned_on": marks[2], "due_on": due, "status": "done" if done else "planned",
                                    "done_on": done, "outcome": "Terlaksana" if done else None, "cancel_reason": None,
                                    "referral_id": None, "version": 1, "created_at": at(marks[2], rng),
                                    "updated_at": None})
        if rng.random() < 0.05:
            self.referral(case_id, inst, marks[2])
        if not returned:
            return
        self._add(Reintegration, {
            **owner, "case_id": case_id, "child_prepared_on": marks[4], "child_preparation_note": "Siap",
            "family_prepared_on": marks[4], "family_kind": "keluarga", "agreed_return_on": returned,
            "linkage_note": None, "returned_on": returned, "received_by_relationship": "ibu", "monitored_on": returned,
            "monitoring_note": "Baik", "safe": True, "comfortable": True, "needs_met": True, "accepted": True,
            "family_refused": False, "family_refused_on": None, "refusal_note": None, "version": 1,
            "created_at": at(returned, rng), "updated_at": None})
        for sequence, due in enumerate(follow_up_dates(returned, self.defaults), start=1):
            visited = due if closed or due <= today - timedelta(days=rng.randint(0, 20)) else None
            self._add(FollowUpVisit, {**owner, "case_id": case_id, "sequence": sequence, "due_on": due,
                                      "status": "done" if visited else "planned", "visited_on": visited,
                                      "visitor_staff_id": manager, "findings": "Baik" if visited else None,
                                      "version": 1, "created_at": at(returned, rng)})

    def referral(self, case_id: int, inst: int, sent: date) -> None:
        """A referral to another LPKS, in one of the four statuses (never residential: the placements stay)."""
        from lpks.cases.models import Referral

        rng = self.rng
        status = rng.choices(("sent", "accepted", "declined", "completed"), (2, 2, 1, 5))[0]
        self._add(Referral, {
            **_owner(inst), "case_id": case_id, "receiver_kind": "lpks", "receiver_institution_id": rng.choice(self.lpks),
            "receiver_region_code": None, "receiver_name": "LPKS", "receiver_address": None, "residential": False,
            "reason": "Layanan lanjutan", "services_asked": "vokasional_kewirausahaan", "services_note": None,
            "shared": "asesmen", "child_consent": True, "parent_consent": True, "consent_on": sent, "sent_on": sent,
            "status": status, "decided_on": sent + timedelta(days=3) if status != "sent" else None,
            "decline_reason": "Penuh" if status == "declined" else None,
            "completed_on": sent + timedelta(days=30) if status == "completed" else None,
            "completion_note": "Selesai" if status == "completed" else None, "ended_placement_id": None,
            "version": 1, "created_at": at(sent, rng), "updated_at": None})
