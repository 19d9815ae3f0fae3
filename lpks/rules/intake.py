"""Dinas Sosial case handling (RULES §8; the Kota Pasuruan procedure, reference/000): the three intake channels and
who may report or invite through each, the path each channel takes, the route after the case conference, and the
route's own steps. The service time and complaints: lpks.rules.service_time.

Reading (RULES §8, fixed here): the route is decided by the child's age on the offence date and the offence —
under 12, or 12 or older with a minor offence → restorative justice in the community (the Pasal 14 meeting);
12 or older with a serious offence → accompany the report to the police juvenile unit (UPPA) and then the diversion.
A diversion invitation comes from law enforcement, so the child of 12 or older is already in the formal process: its
route is the diversion whatever the offence (procedure steps 5 and 10), and no report to UPPA is needed. A child
under 12 is never in the formal process (UU SPPA Pasal 21): community route on every channel. 18 or older: refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lpks.rules.age import ADULT_AGE, MIN_AGE_ANAK, age_on
from lpks.rules.errors import RuleError
from lpks.rules.labels import LabelledEnum, format_date_id

RULE = "Prosedur Dinas Sosial Kota Pasuruan"


class Channel(LabelledEnum):
    """How a case reaches the Dinas Sosial (procedure step 1)."""

    LAPORAN = ("laporan", "Laporan dari anak, orang tua/wali atau masyarakat",
               "Report from the child, a parent or the community", "Prosedur langkah 1")
    UNDANGAN_RJ = ("undangan_rj", "Undangan proses keadilan restoratif yang diinisiasi masyarakat",
                   "Invitation to a restorative-justice process initiated by the community", "Prosedur langkah 1")
    UNDANGAN_DIVERSI = ("undangan_diversi", "Undangan diversi oleh aparat penegak hukum",
                        "Invitation to diversion by law enforcement", "Prosedur langkah 1; UU SPPA Pasal 7")


class Reporter(LabelledEnum):
    """Who reported or invited."""

    ANAK = ("anak", "Anak sendiri", "The child", "Prosedur langkah 1")
    ORANG_TUA = ("orang_tua_wali", "Orang tua/wali", "Parent or guardian", "Prosedur langkah 1")
    MASYARAKAT = ("masyarakat", "Pihak masyarakat", "Member of the community", "Prosedur langkah 1")
    KELURAHAN = ("perangkat_kelurahan", "Perangkat kelurahan/desa", "Village or kelurahan officials",
                 "Prosedur langkah 9")
    POLSEK = ("polsek", "Polsek (mediasi di masyarakat)", "Local police (community mediation)", "Prosedur langkah 9")
    PENYIDIK = ("penyidik", "Penyidik anak (UPPA Kepolisian)", "Child investigator (police UPPA)", "UU SPPA Pasal 7")
    PENUNTUT = ("penuntut_umum", "Penuntut umum anak (Kejaksaan)", "Child prosecutor", "UU SPPA Pasal 7")
    HAKIM = ("hakim", "Hakim anak (Pengadilan)", "Child judge", "UU SPPA Pasal 7")


REPORTERS: dict[Channel, tuple[Reporter, ...]] = {
    Channel.LAPORAN: (Reporter.ANAK, Reporter.ORANG_TUA, Reporter.MASYARAKAT),
    Channel.UNDANGAN_RJ: (Reporter.MASYARAKAT, Reporter.KELURAHAN, Reporter.POLSEK),
    Channel.UNDANGAN_DIVERSI: (Reporter.PENYIDIK, Reporter.PENUNTUT, Reporter.HAKIM),
}


class Step(LabelledEnum):
    """A step of the procedure recorded on a case: the channel's path, then the route's steps."""

    PENDATAAN_ASESMEN = ("pendataan_asesmen", "Pendataan dan asesmen", "Data collection and assessment",
                         "Prosedur langkah 3; Pasal 25")
    CASE_CONFERENCE = ("case_conference", "Case conference (temu bahas kasus)", "Case conference",
                       "Prosedur langkah 6; Pasal 25 ayat 2 huruf d")
    VERIFIKASI = ("verifikasi_kunjungan_rumah", "Verifikasi dengan kunjungan rumah", "Verification by home visit",
                  "Prosedur langkah 4")
    PENDAMPINGAN_MEDIATOR = ("pendampingan_anak_mediator", "Pendampingan anak dan mediator",
                             "Accompanying the child and the mediator", "Prosedur langkah 4")
    PENDAMPINGAN_ABH = ("pendampingan_abh", "Pendampingan ABH dalam undangan diversi",
                        "Accompanying the child at the diversion invitation", "Prosedur langkah 5")
    MUSYAWARAH = ("musyawarah_pasal_14", "Musyawarah keadilan restoratif di masyarakat (pengasuhan, bentuk "
                  "rehabilitasi, sanksi sosial)", "Community restorative-justice meeting (care, form of "
                  "rehabilitation, social sanctions)", "Prosedur langkah 7 dan 9; Pasal 14 ayat 3–6")
    LAPOR_UPPA = ("pendampingan_lapor_uppa", "Pendampingan pelaporan ke UPPA", "Accompanying the report to the "
                  "police juvenile unit (UPPA)", "Prosedur langkah 8")
    DIVERSI = ("pendampingan_diversi", "Pendampingan pelaksanaan diversi", "Accompanying the diversion",
               "Prosedur langkah 10; UU SPPA Pasal 7–9")
    REKOMENDASI = ("pelaksanaan_rekomendasi", "Pendampingan pelaksanaan rekomendasi hasil diversi",
                   "Accompanying the carrying out of the diversion's recommendations", "Prosedur langkah 10")


# The path before the route is decided (procedure steps 3–6), per channel, in order.
PATHS: dict[Channel, tuple[Step, ...]] = {
    Channel.LAPORAN: (Step.PENDATAAN_ASESMEN, Step.CASE_CONFERENCE),
    Channel.UNDANGAN_RJ: (Step.VERIFIKASI, Step.PENDAMPINGAN_MEDIATOR),
    Channel.UNDANGAN_DIVERSI: (Step.PENDAMPINGAN_ABH,),
}


class Severity(LabelledEnum):
    """The offence, as the case conference weighs it (procedure steps 7–8)."""

    RINGAN = ("ringan", "Tindak pidana ringan", "Minor offence", "Prosedur langkah 7")
    BERAT = ("berat", "Tindak pidana berat", "Serious offence", "Prosedur langkah 8")


class IntakeRoute(LabelledEnum):
    """The route after the case conference (procedure steps 7–10)."""

    RJ_MASYARAKAT = ("rj_masyarakat", "Keadilan restoratif di masyarakat (musyawarah Pasal 14)",
                     "Restorative justice in the community (the Pasal 14 meeting)", "Prosedur langkah 7 dan 9; Pasal 14")
    DIVERSI_UPPA = ("diversi_uppa", "Pendampingan laporan ke UPPA, diversi dan rekomendasinya",
                    "Accompanying the report to UPPA, the diversion and its recommendations",
                    "Prosedur langkah 8 dan 10; UU SPPA Pasal 7")


def route_steps(route: IntakeRoute | str, channel: Channel | str) -> tuple[Step, ...]:
    """The route's steps in order; a diversion invitation needs no report to UPPA (law enforcement invited)."""
    route = IntakeRoute.coerce(route, field="route", rule=RULE)
    channel = Channel.coerce(channel, field="channel", rule=RULE)
    if route is IntakeRoute.RJ_MASYARAKAT:
        return (Step.MUSYAWARAH,)
    if channel is Channel.UNDANGAN_DIVERSI:
        return (Step.DIVERSI, Step.REKOMENDASI)
    return (Step.LAPOR_UPPA, Step.DIVERSI, Step.REKOMENDASI)


def check_reporter(channel: Channel | str, reporter: Reporter | str) -> Reporter:
    """Who reported or invited must fit the channel (a report: child, parent, community; an RJ invitation: the
    community, village officials, local police; a diversion invitation: law enforcement)."""
    channel = Channel.coerce(channel, field="channel", rule=RULE)
    reporter = Reporter.coerce(reporter, field="reporter_kind", rule=RULE)
    allowed = REPORTERS[channel]
    if reporter not in allowed:
        names_id = ", ".join(r.label_id.lower() for r in allowed)
        names_en = ", ".join(r.label_en.lower() for r in allowed)
        raise RuleError(f"{channel.label_id} datang dari {names_id}; bukan dari {reporter.label_id.lower()} "
                        f"({channel.pasal}).", field="reporter_kind", rule=channel.pasal,
                        message_en=f"A {channel.label_en.lower()} comes from {names_en}, not from "
                                   f"{reporter.label_en.lower()} ({channel.pasal}).")
    return reporter


@dataclass(frozen=True)
class RouteDecision:
    """The route, the age it was decided on, and why (in both languages)."""

    age: int
    route: IntakeRoute
    reason_id: str
    reason_en: str


def check_age(born: date, offence: date) -> int:
    """The child's age on the offence date; 18 or older refused (Pasal 1 angka 3; UU SPPA Pasal 1 angka 3)."""
    age = age_on(born, offence)
    if age >= ADULT_AGE:
        raise RuleError(f"Pada tanggal tindak pidana ({format_date_id(offence)}) anak sudah berusia {age} tahun; "
                        "layanan ini untuk anak yang belum berusia 18 tahun pada tanggal itu (Pasal 1 angka 3; "
                        "UU SPPA Pasal 1 angka 3).", field="birth_date", rule="Pasal 1 angka 3",
                        message_en=f"On the offence date ({offence.isoformat()}) the child was already {age}; this "
                                   "service is for children under 18 on that date (Pasal 1 angka 3).")
    return age


def decide_route(channel: Channel | str, born: date, offence: date, severity: Severity | str | None) -> RouteDecision:
    """The route by the age on the offence date and the offence (procedure steps 7–8; the Reading above)."""
    channel = Channel.coerce(channel, field="channel", rule=RULE)
    age = check_age(born, offence)
    if age < MIN_AGE_ANAK:
        return RouteDecision(age, IntakeRoute.RJ_MASYARAKAT,
                             f"anak berusia {age} tahun (di bawah 12) pada tanggal tindak pidana (Prosedur langkah 7; "
                             "UU SPPA Pasal 21)", f"the child was {age} (under 12) on the offence date")
    if channel is Channel.UNDANGAN_DIVERSI:
        return RouteDecision(age, IntakeRoute.DIVERSI_UPPA,
                             f"anak berusia {age} tahun dan sudah dalam proses hukum formal: diundang diversi oleh "
                             "aparat penegak hukum (Prosedur langkah 5 dan 10)",
                             f"the child was {age} and already in the formal process: invited to diversion by law "
                             "enforcement")
    if severity in (None, ""):
        raise RuleError(f"Anak berusia {age} tahun pada tanggal tindak pidana: tentukan apakah tindak pidananya ringan "
                        "atau berat (Prosedur langkah 7–8).", field="offence_severity", rule="Prosedur langkah 7–8",
                        message_en=f"The child was {age} on the offence date: say whether the offence is minor or "
                                   "serious (procedure steps 7–8).")
    severity = Severity.coerce(severity, field="offence_severity", rule="Prosedur langkah 7–8")
    if severity is Severity.RINGAN:
        return RouteDecision(age, IntakeRoute.RJ_MASYARAKAT,
                             f"anak berusia {age} tahun dengan tindak pidana ringan (Prosedur langkah 7)",
                             f"the child was {age} and the offence is minor")
    return RouteDecision(age, IntakeRoute.DIVERSI_UPPA,
                         f"anak berusia {age} tahun dengan tindak pidana berat (Prosedur langkah 8)",
                         f"the child was {age} and the offence is serious")
