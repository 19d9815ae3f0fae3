"""A national data set for the benchmarks, on SQLite or PostgreSQL, through the real models' tables.

    python -m benchmarks.generate --database-url sqlite:////tmp/lpks_bench.sqlite [--scale 1.0]

Regions, holidays, the demo (users of every role, instrument) and the class table go through the services; the
bulk (LPKS, staff, residents, placements, titipan periods, assessments, audit rows) is inserted with SQLAlchemy
Core on the SQLModel tables (COPY on PostgreSQL) — the children's cases, services and referrals too
(benchmarks/generate_cases.py) — every derived value computed by the pure rules in lpks/rules and
accreditation/ exactly as the services store it. Users: the demo's accounts plus bench.operator (the largest LPKS),
bench.kabkota and bench.provinsi (its regions), all with the password PASSWORD.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, datetime, timedelta, timezone
from datetime import time as dtime
from decimal import Decimal

from sqlalchemy import func, select, text

REGIONS_FILE = "/work/shared/data/wilayah_provinsi_kabkota.csv"
PASSWORD = "bench-lpks-2026"
FULL = {"institutions": 2000, "staff": 30000, "residents": 100000, "placements": 150000, "custody": 250000,
        "audit": 1000000}
CHUNK = 20000
FIRST = ("Budi", "Andi", "Rizky", "Dimas", "Agus", "Putri", "Siti", "Dewi", "Fajar", "Bayu", "Eko", "Nur", "Wahyu",
         "Rina", "Yusuf", "Ahmad", "Ilham", "Tri", "Joko", "Lestari")
LAST = ("Santoso", "Pratama", "Saputra", "Wijaya", "Hidayat", "Kurniawan", "Setiawan", "Lestari", "Nugroho",
        "Siregar", "Harahap", "Sihombing", "Wibowo", "Utomo", "Rahman")
WORDS = ("Bina", "Harapan", "Taruna", "Mandiri", "Cahaya", "Pelita", "Tunas", "Bangsa", "Kasih", "Insan", "Mulia",
         "Permata", "Bakti", "Sejahtera")


def log(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:6.1f}s] {message}", flush=True)


def bulk(conn, table, rows: list[dict]) -> None:
    """Insert rows: COPY on PostgreSQL, executemany elsewhere."""
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        cols = list(rows[0])
        raw = conn.connection.driver_connection
        with raw.cursor() as cur, cur.copy(f'COPY "{table.name}" ({", ".join(cols)}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row([row[c] for c in cols])
    else:
        for start in range(0, len(rows), CHUNK):
            conn.execute(table.insert(), rows[start:start + CHUNK])


def at(day: date, rng: random.Random) -> datetime:
    """A working-hours timestamp on `day`, in UTC (WIB − 7 h)."""
    return datetime.combine(day, dtime(rng.randint(1, 9), rng.randint(0, 59)), tzinfo=timezone.utc)


class Generator:
    """Builds the data set in memory, chunk by chunk, and inserts it."""

    def __init__(self, conn, scale: float, today: date, holidays: frozenset, instrument, seed: int = 7):
        self.conn, self.today, self.holidays, self.instr = conn, today, holidays, instrument
        self.rng = random.Random(seed)
        self.n = {key: max(1, int(round(value * scale))) for key, value in FULL.items()}
        self.start = today - timedelta(days=5 * 365)

    def next_id(self, table) -> int:
        return (self.conn.scalar(select(func.max(table.c.id))) or 0) + 1

    def institutions(self, kabkota: list[tuple[str, str]], existing: int) -> tuple[list[int], list[float]]:
        """LPKS over the regencies/cities; sizes lognormal (most small, a few large)."""
        from lpks.registry.models.institution import Institution
        from lpks.registry.models.registration import Registration

        rng, first = self.rng, self.next_id(Institution.__table__)
        count = max(0, self.n["institutions"] - existing)
        rows, registrations, weights = [], [], []
        for i in range(count):
            code, name = rng.choice(kabkota)
            weight = rng.lognormvariate(0, 1.1)
            places = max(5, int(weight * 25))
            valid = self.start + timedelta(days=rng.randint(0, 6 * 365))
            rows.append({"id": first + i, "name": f"LPKS {rng.choice(WORDS)} {rng.choice(WORDS)} {name} {i + 1}",
                         "kabkota_code": code, "province_code": code.split(".")[0],
                         "address": f"Jl. Contoh No. {i + 1}, {name}", "phone": "0343-000000",
                         "referral_scope": rng.choices(("kabupaten_kota", "provinsi", "nasional"), (80, 17, 3))[0],
                         "capacity_boys": places, "capacity_girls": max(2, places // 3),
                         "formation_kind": rng.choice(("upt", "masyarakat")),
                         "version": 1, "created_at": at(self.start, rng)})
            registrations.append({"institution_id": first + i, "authority": "dinsos_kabkota", "region_code": code,
                                  "number": f"REG/{first + i}", "issued_on": valid - timedelta(days=3 * 365),
                                  "valid_until": valid, "version": 1, "created_at": at(self.start, rng)})
            weights.append(weight)
        bulk(self.conn, Institution.__table__, rows)
        bulk(self.conn, Registration.__table__, registrations)
        ids = [row["id"] for row in rows]
        biggest = max(range(len(ids)), key=weights.__getitem__)
        weights[biggest] *= 4  # one national-size LPKS for the bench operator
        return ids, weights

    def staff(self, ids: list[int], weights: list[float]) -> None:
        from accreditation import STAFF_FUNCTIONS
        from lpks.registry.models.staff import StaffMember

        rng, rows, codes = self.rng, [], [f.code for f in STAFF_FUNCTIONS]
        for inst in rng.choices(ids, weights, k=self.n["staff"]):
            function = rng.choice(codes)
            technical = function in ("peksos", "tks")
            since = self.start + timedelta(days=rng.randint(0, 1500))
            rows.append({"institution_id": inst, "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                         "function": function, "engagement": "sendiri", "active_from": since,
                         "certification_number": f"SERT/{rng.randint(1, 99999)}" if technical else None,
                         "certification_date": since if technical else None,
                         "certification_valid_until": since + timedelta(days=5 * 365) if technical else None,
                         "sppa_valid_until": since + timedelta(days=3 * 365) if technical else None,
                         "active_until": None if rng.random() < 0.9 else since + timedelta(days=400),
                         "version": 1, "created_at": at(since, rng)})
        bulk(self.conn, StaffMember.__table__, rows)

    def plan(self, kinds: list[str]) -> tuple[list[int], int]:
        """Placements per Anak (1–3, summing to the target) and the number of titipan periods to spread."""
        rng = self.rng
        anak = [i for i, kind in enumerate(kinds) if kind == "anak"]
        counts = [0] * len(kinds)
        for i in anak:
            counts[i] = 1
        extra = max(0, self.n["placements"] - len(anak))
        pool = anak * 2
        rng.shuffle(pool)
        for i in pool[:extra]:
            counts[i] += 1
        return counts, self.n["custody"]

    def people(self, ids: list[int], weights: list[float]) -> None:
        """Residents with their placements, titipan periods and extensions, each derived value from the rules."""
        from lpks.residents.models.custody import CustodyExtension, CustodyPeriod
        from lpks.residents.models.placement import Placement
        from lpks.residents.models.resident import Resident
        from lpks.residents.services.residents import initials_of
        from lpks.rules import RuleError, check_resident_age

        rng = self.rng
        kinds = rng.choices(("anak", "anak_korban", "anak_saksi"), (93, 4, 3), k=self.n["residents"])
        counts, periods_left = self.plan(kinds)
        self.bases = []  # (resident index, placement index) -> basis, decided up front to spread the periods
        for i, count in enumerate(counts):
            under_12 = rng.random() < 0.05
            self.bases.append(["under_12" if under_12 else rng.choices(
                ("titipan", "court_decision", "diversi", "pre_process"), (62, 18, 12, 8))[0] for _ in range(count)])
        titipan = [(i, j) for i, bases in enumerate(self.bases) for j, b in enumerate(bases) if b == "titipan"]
        levels = {key: 1 for key in titipan}
        pool = titipan * 4
        rng.shuffle(pool)
        for key in pool[:max(0, periods_left - len(titipan))]:
            levels[key] += 1
        self.levels = levels
        first = {t: self.next_id(t.__table__) for t in (Resident, Placement, CustodyPeriod, CustodyExtension)}
        self.ids = dict(first)
        counters: dict[tuple[int, int], int] = {}
        out = {Resident: [], Placement: [], CustodyPeriod: [], CustodyExtension: []}
        for i, (inst, kind) in enumerate(zip(rng.choices(ids, weights, k=len(kinds)), kinds)):
            ident = first[Resident] + i
            stays = self.timeline(i, inst, ident, out) if counts[i] else []
            registered = (stays[0] - timedelta(days=rng.randint(0, 3)) if stays else
                          self.start + timedelta(days=rng.randint(0, (self.today - self.start).days - 1)))
            offence = registered - timedelta(days=rng.randint(1, 20)) if kind == "anak" else None
            under_12 = bool(counts[i]) and self.bases[i][0] == "under_12"
            age = rng.randint(8, 11) if under_12 else rng.randint(12, 17)
            born = (offence or registered) - timedelta(days=age * 365 + rng.randint(10, 300))
            try:
                check = check_resident_age(kind, born, offence or registered)
            except RuleError:  # an edge of the age window: a plain 14-year-old instead
                born = (offence or registered) - timedelta(days=14 * 365 + 100)
                check = check_resident_age(kind, born, offence or registered)
            key = (inst, registered.year)
            counters[key] = counters.get(key, 0) + 1
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            out[Resident].append({
                "id": ident, "institution_id": inst, "register_number": f"ABH-{key[1]}-{counters[key]:04d}",
                "initials": initials_of(name), "kind": kind,
                "sex": rng.choices(("laki_laki", "perempuan"), (85, 15))[0],
                "route": check.route.value if check.route else None, "age_at_offence": check.age,
                "full_name": name, "nik": f"3575{rng.randint(10**11, 10**12 - 1)}", "birth_place": "Kota",
                "birth_date": born, "address": "Alamat contoh", "parent_guardian": "Orang tua", "religion": "Islam",
                "education": "SMP", "offence_date": offence, "offence_description": "Pencurian" if offence else None,
                "version": 1, "created_at": at(registered, rng)})
            if len(out[Resident]) >= CHUNK:
                self.flush(out)
        self.flush(out)

    def flush(self, out: dict) -> None:
        for model in out:  # parents first: residents, placements, periods, extensions
            bulk(self.conn, model.__table__, out[model])
            out[model] = []

    def durations(self, i: int) -> list[dict]:
        """Each stay's basis and length in days, before dates are known (court months ≈ 30.5 days)."""
        from lpks.rules import CustodyLevel

        rng, stays = self.rng, []
        order = tuple(CustodyLevel)
        for j, basis in enumerate(self.bases[i]):
            stay = {"basis": basis}
            if basis == "titipan":
                chain = []
                for level in order[:self.levels[(i, j)]]:
                    granted = rng.randint((level.base_days + 1) // 2, level.base_days)
                    ext = (rng.randint(1, level.extension_days),) if rng.random() < 0.3 else ()
                    chain.append((level, granted, ext))
                stay["chain"] = chain
                stay["days"] = sum(g + sum(e) for _l, g, e in chain)
            elif basis == "court_decision":
                stay["months"] = rng.randint(1, 12)
                stay["days"] = int(stay["months"] * 30.5)
            else:
                stay["days"] = rng.randint(14, 180)
            stays.append(stay)
        return stays

    def timeline(self, i: int, inst: int, resident_id: int, out: dict) -> list[date]:
        """Place the stays in time (the last one running today for about one resident in twelve)."""
        rng, today = self.rng, self.today
        stays = self.durations(i)
        gaps = [rng.randint(30, 300) for _ in stays[1:]]
        present = rng.random() < 0.08
        last = stays[-1]
        if present:
            overstay = last["basis"] == "titipan" and rng.random() < 0.05
            tail = last["days"] + (rng.randint(1, 10) if overstay else -rng.randint(1, max(1, min(last["days"], 40))))
            end = today - timedelta(days=tail) + timedelta(days=last["days"])
        else:
            total = sum(s["days"] for s in stays) + sum(gaps)
            room = max(1, (today - self.start).days - total - 2)
            end = self.start + timedelta(days=total + int(room * rng.random() ** 0.7))
        starts = [end - timedelta(days=last["days"])]
        for stay, gap in zip(reversed(stays[:-1]), reversed(gaps)):
            starts.insert(0, starts[0] - timedelta(days=gap + stay["days"]))
        for j, (stay, start) in enumerate(zip(stays, starts)):
            self.stay(inst, resident_id, stay, start, present and j == len(stays) - 1, out)
        return starts

    def stay(self, inst: int, resident_id: int, stay: dict, start: date, running: bool, out: dict) -> None:
        """One placement (and its titipan periods) as the services would have stored it."""
        from lpks.residents.models.custody import CustodyExtension, CustodyPeriod
        from lpks.residents.models.placement import Placement
        from lpks.residents.services.admission import needs_doctor_certificate
        from lpks.rules import (
            PreProcessOffence,
            RuleError,
            TitipanReason,
            check_conditions,
            check_exit_reason,
            compute_court_placement,
            compute_custody,
            doctor_certificate_due,
        )

        rng, basis, today = self.rng, stay["basis"], self.today
        pid = self.ids[Placement]
        self.ids[Placement] += 1
        options = {"titipan": TitipanReason, "pre_process": PreProcessOffence}.get(basis)
        chosen = check_conditions(basis, [rng.choice(tuple(options)).value] if options else [])
        handover = at(start, rng)
        row = {"id": pid, "institution_id": inst, "resident_id": resident_id, "basis": basis,
               "conditions": ",".join(c.value for c in chosen) or None, "status": "present", "start_date": start,
               "handover_at": handover, "suspected_violence": basis == "under_12" and rng.random() < 0.3,
               "months": None, "last_day": None, "parole_eligible_from": None, "behaviour_good": None,
               "doctor_certificate_due": doctor_certificate_due(handover) if needs_doctor_certificate(basis) else None,
               "doctor_certificate_received_at": handover + timedelta(hours=rng.randint(1, 20))
               if rng.random() < 0.95 else None,
               "exit_date": None, "exit_reason": None, "version": 1, "created_at": handover}
        end, notice, periods = start + timedelta(days=stay["days"]), None, []
        if basis == "court_decision":
            court = compute_court_placement(start, stay["months"])
            row.update(months=stay["months"], last_day=court.last_day, parole_eligible_from=court.parole_eligible_from,
                       behaviour_good=rng.random() < 0.8)
            end = court.last_day
        if basis == "titipan":
            day = start
            for level, granted, ext in stay["chain"]:
                computed = compute_custody(level, day, granted, ext, self.holidays)
                sent = computed.notice_deadline - timedelta(days=rng.randint(0, 2))
                periods.append({
                    "id": self.ids[CustodyPeriod], "institution_id": inst, "placement_id": pid, "level": level.value,
                    "start_date": day, "granted_days": granted, "letter_number": f"SP.Han/{pid}/{level.value}",
                    "letter_date": day, "depositor_agency": "Satreskrim Polres", "depositor_superior": "Kapolres",
                    "total_days": computed.total_days, "max_days": computed.max_days, "last_day": computed.last_day,
                    "notice_deadline": computed.notice_deadline,
                    "notice_sent_on": sent if sent <= today and rng.random() < 0.85 else None,
                    "status": "closed", "closed_on": computed.last_day + timedelta(days=1),
                    "closed_reason": "next_level", "version": 1, "created_at": at(day, rng)})
                for days in ext:
                    out[CustodyExtension].append({
                        "id": self.ids[CustodyExtension], "institution_id": inst,
                        "custody_period_id": self.ids[CustodyPeriod], "authority": "Kepala Kejaksaan Negeri",
                        "letter_number": f"B-{pid}/{level.value}", "letter_date": day, "days": days,
                        "created_at": at(day, rng)})
                    self.ids[CustodyExtension] += 1
                self.ids[CustodyPeriod] += 1
                day = computed.last_day + timedelta(days=1)
            end, notice = periods[-1]["last_day"], periods[-1]
        if running:
            if periods:
                notice.update(status="open", closed_on=None, closed_reason=None)
        else:
            reasons = {"titipan": ("picked_up_by_depositor", "not_picked_up_returned_to_parents"),
                       "court_decision": ("placement_ended", "parole")}.get(basis, ("returned_to_parents",
                                                                                    "transferred"))
            reason, exit_date = reasons[0], end
            if rng.random() < 0.2:
                alt = reasons[1]
                alt_date = (end + timedelta(days=rng.randint(1, 4)) if alt.startswith("not_picked") else
                            row["parole_eligible_from"] or end)
                try:
                    check_exit_reason(basis, alt, exit_date=alt_date, custody_last_day=end if periods else None,
                                      notice_sent_on=notice["notice_sent_on"] if periods else None,
                                      placement_last_day=row["last_day"])
                    reason, exit_date = alt, alt_date
                except RuleError:
                    pass
            check_exit_reason(basis, reason, exit_date=exit_date, custody_last_day=end if periods else None,
                              notice_sent_on=notice["notice_sent_on"] if periods else None,
                              placement_last_day=row["last_day"])
            row.update(status="exited", exit_date=exit_date, exit_reason=reason)
            if periods:
                notice.update(closed_on=exit_date, closed_reason=reason)
        out[Placement].append(row)
        out[CustodyPeriod].extend(periods)

    def assessments(self, ids: list[int], instrument_id: int, user_ids: list[int]) -> None:
        """One accreditation for most LPKS, at every point of the workflow; validity from accreditation.scoring."""
        from accreditation import valid_until
        from lpks.accreditation.models import Assessment

        rng, rows = self.rng, []
        for inst in ids:
            if rng.random() < 0.35:
                continue
            state = rng.choices(("draft", "submitted", "returned", "proposed", "recommended", "designated",
                                 "cancelled"), (15, 10, 3, 8, 6, 50, 8))[0]
            total = Decimal(rng.randint(4000, 9800)) / 100
            band = self.instr.band_for(total)
            changed = self.start + timedelta(days=rng.randint(0, (self.today - self.start).days))
            row = {"institution_id": inst, "instrument_id": instrument_id, "state": state,
                   "state_changed_at": at(changed, rng), "total": total, "band_grade": band.grade.value if band and
                   band.grade else None, "complete": state != "draft", "started_by_id": None,
                   "submitted_at": at(changed, rng) if state != "draft" else None, "grade": None,
                   "decree_number": None, "decree_date": None, "valid_until": None, "designated_by_id": None,
                   "version": 1, "created_at": at(changed - timedelta(days=30), rng)}
            if state == "designated":
                if row["band_grade"] is None:
                    row.update(state="proposed")
                else:
                    until = valid_until(changed, row["band_grade"], self.instr)
                    row.update(grade=row["band_grade"], decree_date=changed, valid_until=until,
                               decree_number=f"{inst}/HUK/{changed.year}", designated_by_id=rng.choice(user_ids),
                               state="designated" if until >= self.today else "expired")
            rows.append(row)
        bulk(self.conn, Assessment.__table__, rows)

    def audit(self, users: list[tuple[int, str, str]]) -> None:
        """The audit trail: field names only, never identity values."""
        from lpks.platform.models.audit import AuditLog

        rng, rows, span = self.rng, [], (self.today - self.start).days
        actions = (("update", 40), ("create", 25), ("login", 20), ("export", 3), ("view_identity", 7),
                   ("delete", 5))
        names, weights = zip(*actions)
        types = ("resident", "placement", "custody_period", "institution", "staff_member")
        base = datetime.combine(self.start, dtime(0), tzinfo=timezone.utc)
        for _ in range(self.n["audit"]):
            user_id, username, role = rng.choice(users)
            action = rng.choices(names, weights)[0]
            rows.append({"at": base + timedelta(seconds=rng.randint(0, span * 86400)), "user_id": user_id,
                         "username": username, "role": role, "ip": "10.0.0.1", "action": action,
                         "object_type": None if action == "login" else rng.choice(types),
                         "object_id": None if action == "login" else str(rng.randint(1, 100000)),
                         "fields": "status,updated_at" if action == "update" else None})
            if len(rows) >= 50000:
                bulk(self.conn, AuditLog.__table__, rows)
                rows = []
        bulk(self.conn, AuditLog.__table__, rows)


def prepare(app, session, today: date):
    """Services: official regions, holidays over the six years, the demo (users per role, instrument)."""
    from lpks.demo import seed
    from lpks.platform.services import holidays

    seed(session, regions_file=REGIONS_FILE, password=PASSWORD)
    holidays.seed(session, list(range(today.year - 5, today.year + 2)))
    session.commit()


def bench_users(session, inst_id: int) -> None:
    """Accounts scoped to the largest LPKS and its regions, so each role's pages meet the most data."""
    from lpks.platform.models.user import User
    from lpks.platform.services.users import create_user
    from lpks.registry.models.institution import Institution

    inst = session.get(Institution, inst_id)
    for username, role, scope in (("bench.operator", "operator_lpks", str(inst.id)),
                                  ("bench.kabkota", "dinsos_kabkota", inst.kabkota_code),
                                  ("bench.provinsi", "dinsos_provinsi", inst.province_code)):
        if session.scalar(select(User).where(User.username == username)) is None:
            create_user(session, username, PASSWORD, role, scope, username)
    session.commit()


def main(argv: list[str] | None = None) -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    os.environ.setdefault("LPKS_INSTANCE_PATH", "/tmp/lpks-bench-instance")
    from lpks import create_app
    from lpks.accreditation.models import AccreditationInstrument
    from lpks.accreditation.services import classes as accreditation_classes
    from lpks.accreditation.services import instruments as accreditation_instruments
    from lpks.extensions import db
    from lpks.platform import clock
    from lpks.platform.models.region import Region
    from lpks.platform.models.user import User
    from lpks.platform.schema import upgrade
    from lpks.registry.models.institution import Institution
    from lpks.registry.services import standards_store
    from lpks.residents.services.common import holiday_set

    upgrade("heads", url=args.database_url)
    app = create_app({"DATABASE_URL": args.database_url, "PASSWORD_HASH_FAST": False})
    with app.app_context():
        session, today = db.session, clock.today()
        if session.scalar(select(func.count()).select_from(Institution)) > 6:
            sys.exit("the database already holds generated data: use a fresh database")
        prepare(app, session, today)
        log("regions, holidays and demo", started)
        kabkota = [(r.code, r.name) for r in session.scalars(select(Region).where(Region.level == "kabupaten_kota")
                                                              .order_by(Region.code))]
        existing = session.scalar(select(func.count()).select_from(Institution))
        instrument_row = session.scalar(select(AccreditationInstrument))
        instr = accreditation_instruments.load(instrument_row)
        holidays = holiday_set(session)
        session.close()
        with db.engine.begin() as conn:
            gen = Generator(conn, args.scale, today, holidays, instr)
            ids, weights = gen.institutions(kabkota, existing)
            log(f"{len(ids)} LPKS", started)
            gen.staff(ids, weights)
            log(f"{gen.n['staff']} staff", started)
            gen.people(ids, weights)
            log(f"{gen.n['residents']} residents and their placements, titipan periods, extensions", started)
            from benchmarks.generate_cases import CaseGenerator

            made = CaseGenerator(conn, today).run(ids)
            log(f"{made.get('child_case', 0)} cases, {made.get('case_service', 0)} services, "
                f"{made.get('referral', 0)} referrals", started)
            user_rows = [(u.id, u.username, u.role) for u in conn.execute(select(User.__table__))]
            gen.assessments(ids, instrument_row.id, [u[0] for u in user_rows if u[2] == "kemensos"])
            gen.audit(user_rows)
            log(f"{gen.n['audit']} audit rows", started)
            if conn.dialect.name == "postgresql":
                for table in ("institution", "institution_registration", "staff_member", "resident", "placement",
                              "custody_period", "custody_extension", "accreditation_assessment", "audit_log",
                              "child_case", "case_stage", "case_assessment", "case_conference",
                              "case_conference_participant", "case_plan", "case_plan_need", "case_service",
                              "case_reintegration", "case_follow_up", "case_companion", "referral"):
                    conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                      f"(SELECT max(id) FROM {table}))"))
        biggest = ids[max(range(len(ids)), key=weights.__getitem__)]
        bench_users(session, biggest)
        accreditation_classes.recompute(session, list(session.scalars(select(Institution))), "benchmark")
        session.commit()
        log("bench users and classes", started)
        standards_store.refresh(session)  # what `lpks standards refresh` stores daily
        session.commit()
        log("stored standards evaluations", started)
        # Fresh planner statistics on both backends; on PostgreSQL also the visibility map (VACUUM, outside a
        # transaction), as autovacuum leaves a settled database, so index-only scans need not read the table.
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE"))
        else:
            with db.engine.begin() as conn:
                conn.execute(text("ANALYZE"))
        log("done", started)
        for engine in db.engines.values():
            engine.dispose()


if __name__ == "__main__":
    main()
