"""Pasal 55: the nearest LPKS with badan hukum and a free place; same province first, then neighbours."""

import pytest

from lpks.rules.nearest import NEIGHBOURS, Candidate, Tier, nearest, needs_pasal_55

PROVINCES = ("11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 "
             "91 92 93 94 95 96").split()


def lpks(ident, kabkota, free=3, lawful=True, name=None):
    return Candidate(ident, name or f"LPKS {ident}", kabkota, kabkota.split(".")[0], lawful, free)


def test_every_province_has_neighbours_and_the_relation_is_symmetric():
    assert set(NEIGHBOURS) == set(PROVINCES)
    for province, others in NEIGHBOURS.items():
        assert province not in others
        assert all(province in NEIGHBOURS[other] for other in others)


@pytest.mark.parametrize(("province", "neighbour", "expected"), [
    ("35", "33", True), ("35", "51", True), ("35", "31", False), ("31", "36", True), ("18", "36", True)])
def test_some_neighbours(province, neighbour, expected):
    assert (neighbour in NEIGHBOURS[province]) is expected


def test_same_province_before_neighbours_and_never_without_badan_hukum_or_place():
    candidates = [lpks(1, "35.75", lawful=False), lpks(2, "35.78", free=1), lpks(3, "35.73", free=5),
                  lpks(4, "33.01", free=9), lpks(5, "35.14", free=0), lpks(6, "31.71", free=20),
                  lpks(7, "51.71", free=2)]
    assert needs_pasal_55("35.75", candidates)
    proposals = nearest("35.75", candidates)
    assert [p.candidate.id for p in proposals] == [3, 2, 4, 7]
    assert [p.tier for p in proposals] == [Tier.SAME_PROVINCE, Tier.SAME_PROVINCE, Tier.NEIGHBOUR, Tier.NEIGHBOUR]


def test_a_lawful_lpks_in_the_kabkota_comes_first_and_pasal_55_is_not_needed():
    candidates = [lpks(1, "35.75", free=1), lpks(2, "35.78", free=9)]
    assert not needs_pasal_55("35.75", candidates)
    assert [p.tier for p in nearest("35.75", candidates)] == [Tier.SAME_KABKOTA, Tier.SAME_PROVINCE]


def test_limit_exclusion_and_ties_by_name():
    candidates = [lpks(i, "35.78", free=2, name=f"LPKS {chr(70 - i)}") for i in range(1, 6)]
    proposals = nearest("35.75", candidates, limit=3, exclude=frozenset({5}))
    assert [p.candidate.name for p in proposals] == ["LPKS B", "LPKS C", "LPKS D"]


@pytest.mark.parametrize(("kind", "decree", "deed", "kemenkumham", "lawful"), [
    ("upt", "SK/1", None, None, True),
    ("upt", " ", None, None, False),
    ("masyarakat", None, "Akta 5", "AHU-1", True),
    ("masyarakat", None, "Akta 5", None, False),
    ("masyarakat", None, None, "AHU-1", False),
    (None, "SK/1", "Akta 5", "AHU-1", False),
])
def test_badan_hukum_of_pasal_53_and_54(kind, decree, deed, kemenkumham, lawful):
    from lpks.rules.nearest import has_badan_hukum

    assert has_badan_hukum(kind, decree, deed, kemenkumham) is lawful
