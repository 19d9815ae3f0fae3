"""Pasal 55: where the child's kabupaten/kota has no LPKS with badan hukum, the child may be referred to the nearest
LPKS with badan hukum.

Reading (RULES §7): the system proposes LPKS with badan hukum and a free place for the child's sex — first those of
the child's kabupaten/kota (then no Pasal 55 referral is needed), then of the same province, then of neighbouring
provinces (land borders, or the nearest province across a strait, NEIGHBOURS below); within a tier, most free places
first, then by name. "Badan hukum" is the lawful status of Pasal 53–54: a government UPT with its establishment decree,
or an LPKS formed by the community with its deed and Kemenkumham decree.
"""

from __future__ import annotations

from dataclasses import dataclass

from .labels import LabelledEnum

_EDGES = (
    ("11", "12"), ("12", "13"), ("12", "14"), ("13", "14"), ("13", "15"), ("13", "17"), ("14", "15"), ("14", "21"),
    ("15", "16"), ("15", "17"), ("16", "17"), ("16", "18"), ("16", "19"), ("17", "18"), ("18", "36"), ("19", "21"),
    ("31", "32"), ("31", "36"), ("32", "33"), ("32", "36"), ("33", "34"), ("33", "35"), ("35", "51"), ("51", "52"),
    ("52", "53"), ("61", "62"), ("61", "64"), ("62", "63"), ("62", "64"), ("63", "64"), ("64", "65"), ("64", "76"),
    ("71", "75"), ("71", "82"), ("72", "73"), ("72", "74"), ("72", "75"), ("72", "76"), ("73", "74"), ("73", "76"),
    ("81", "82"), ("81", "92"), ("82", "96"), ("91", "94"), ("91", "95"), ("92", "94"), ("92", "96"), ("93", "94"),
    ("93", "95"), ("94", "95"),
)
NEIGHBOURS: dict[str, frozenset[str]] = {}
for _a, _b in _EDGES:
    NEIGHBOURS[_a] = NEIGHBOURS.get(_a, frozenset()) | {_b}
    NEIGHBOURS[_b] = NEIGHBOURS.get(_b, frozenset()) | {_a}


class Tier(LabelledEnum):
    """How near a proposed LPKS is."""

    SAME_KABKOTA = ("same_kabkota", "Kabupaten/kota yang sama", "Same district", "Pasal 55")
    SAME_PROVINCE = ("same_province", "Provinsi yang sama", "Same province", "Pasal 55")
    NEIGHBOUR = ("neighbour", "Provinsi tetangga", "Neighbouring province", "Pasal 55")


@dataclass(frozen=True)
class Candidate:
    """An LPKS as the proposal reads it."""

    id: int
    name: str
    kabkota_code: str
    province_code: str
    badan_hukum: bool
    free_places: int


@dataclass(frozen=True)
class Proposal:
    """A proposed LPKS and why it is near."""

    candidate: Candidate
    tier: Tier


def has_badan_hukum(formation_kind: str | None, establishment_decree: str | None, deed: str | None,
                    kemenkumham_decree: str | None) -> bool:
    """The lawful status of Pasal 53–54 (see the Reading above): a UPT with its establishment decree, or an LPKS formed
    by the community with its deed and its Kemenkumham decree."""
    def filled(text: str | None) -> bool:
        return bool(text and text.strip())

    if formation_kind == "upt":
        return filled(establishment_decree)
    return formation_kind == "masyarakat" and filled(deed) and filled(kemenkumham_decree)


def province_of(kabkota_code: str) -> str:
    """The province code of a kabupaten/kota code (PP.KK → PP)."""
    return kabkota_code.split(".")[0]


def needs_pasal_55(kabkota_code: str, candidates: list[Candidate]) -> bool:
    """True when no LPKS with badan hukum is domiciled in the child's kabupaten/kota (Pasal 55)."""
    return not any(c.badan_hukum and c.kabkota_code == kabkota_code for c in candidates)


def nearest(kabkota_code: str, candidates: list[Candidate], limit: int = 5,
            exclude: frozenset[int] = frozenset()) -> list[Proposal]:
    """LPKS with badan hukum and a free place, nearest first (see the Reading above)."""
    province = province_of(kabkota_code)
    neighbours = NEIGHBOURS.get(province, frozenset())
    found: list[Proposal] = []
    for c in candidates:
        if not c.badan_hukum or c.free_places <= 0 or c.id in exclude:
            continue
        if c.kabkota_code == kabkota_code:
            found.append(Proposal(c, Tier.SAME_KABKOTA))
        elif c.province_code == province:
            found.append(Proposal(c, Tier.SAME_PROVINCE))
        elif c.province_code in neighbours:
            found.append(Proposal(c, Tier.NEIGHBOUR))
    order = list(Tier)
    found.sort(key=lambda p: (order.index(p.tier), -p.candidate.free_places, p.candidate.name, p.candidate.id))
    return found[:limit]
