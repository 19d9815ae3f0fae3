"""Ages and routes of ABH (Pasal 1 angka 3–6, Pasal 9 ayat 1 huruf a; UU SPPA Pasal 1 angka 3–5)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lpks.rules.errors import RuleError
from lpks.rules.labels import LabelledEnum, format_date_id

ADULT_AGE = 18
MIN_AGE_ANAK = 12


class ResidentKind(LabelledEnum):
    """The three kinds of ABH (Pasal 1 angka 3)."""

    ANAK = ("anak", "Anak (berkonflik dengan hukum)", "Child in conflict with the law",
            "Pasal 1 angka 4; UU SPPA Pasal 1 angka 3")
    ANAK_KORBAN = ("anak_korban", "Anak Korban", "Child victim", "Pasal 1 angka 5; UU SPPA Pasal 1 angka 4")
    ANAK_SAKSI = ("anak_saksi", "Anak Saksi", "Child witness", "Pasal 1 angka 6; UU SPPA Pasal 1 angka 5")


class Route(LabelledEnum):
    """Which track an Anak follows, by age on the offence date."""

    UNDER_12 = ("under_12", "Anak belum berusia 12 tahun", "Child under 12",
                "Pasal 9 ayat 1 huruf a; Pasal 10")
    ANAK = ("anak", "Anak berusia 12 sampai belum 18 tahun", "Child aged 12 to under 18",
            "Pasal 1 angka 4; UU SPPA Pasal 1 angka 3")


@dataclass(frozen=True)
class AgeCheck:
    """Outcome of an age check: completed years and, for an Anak, the route."""

    kind: ResidentKind
    age: int
    route: Route | None


def age_on(born: date, on_date: date) -> int:
    """Age in completed years on `on_date`; a 29 February birthday is reached on 1 March (Pasal 1 angka 4)."""
    if born > on_date:
        raise RuleError(
            f"Tanggal lahir ({format_date_id(born)}) tidak boleh setelah tanggal tindak pidana "
            f"({format_date_id(on_date)}) (Pasal 1 angka 3).",
            field="born", rule="Pasal 1 angka 3",
            message_en=f"Date of birth ({born.isoformat()}) cannot be after the offence date "
                       f"({on_date.isoformat()}) (Pasal 1 angka 3).",
        )
    not_yet_birthday = (on_date.month, on_date.day) < (born.month, born.day)
    return on_date.year - born.year - int(not_yet_birthday)


def _refuse_adult(kind: ResidentKind, on_date: date, age: int) -> RuleError:
    return RuleError(
        f"Pada tanggal tindak pidana ({format_date_id(on_date)}) anak sudah berusia {age} tahun, sedangkan "
        f"{kind.label_id} harus belum berusia 18 tahun pada tanggal itu; data tidak dapat diterima ({kind.pasal}).",
        field="born", rule=kind.pasal,
        message_en=f"On the offence date ({on_date.isoformat()}) the child was already {age}, but "
                   f"a {kind.label_en.lower()} must be under 18 on that date; not accepted ({kind.pasal}).",
    )


def route(born: date, offence: date) -> Route:
    """Route of an Anak by age on the offence date: under 12 → Pasal 9 ayat 1 huruf a; 18+ refused."""
    age = age_on(born, offence)
    if age >= ADULT_AGE:
        raise _refuse_adult(ResidentKind.ANAK, offence, age)
    return Route.UNDER_12 if age < MIN_AGE_ANAK else Route.ANAK


def check_resident_age(kind: ResidentKind | str, born: date, on_date: date) -> AgeCheck:
    """Check an ABH's age on the offence date: every kind under 18; an Anak also gets a route (Pasal 1 angka 3–6)."""
    kind = ResidentKind.coerce(kind, field="kind", rule="Pasal 1 angka 3")
    age = age_on(born, on_date)
    if age >= ADULT_AGE:
        raise _refuse_adult(kind, on_date, age)
    if kind is ResidentKind.ANAK:
        return AgeCheck(kind, age, Route.UNDER_12 if age < MIN_AGE_ANAK else Route.ANAK)
    return AgeCheck(kind, age, None)
