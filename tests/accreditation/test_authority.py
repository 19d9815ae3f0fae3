"""Who sets what decides a class (RULES §3 Reading, issue 12 item 2): the authority follows the reach."""
from __future__ import annotations

import pytest

from accreditation.authority import (
    KABKOTA,
    KEMENSOS,
    PROVINCE,
    check_reach,
    may_set_reach,
    reach_authority,
    who_may,
)
from accreditation.errors import AccreditationError

DOMICILE = "35.75"


@pytest.mark.parametrize(("scope", "area", "authority"), [
    ("kabupaten_kota", [], KABKOTA),
    ("kabupaten_kota", ["35.75"], KABKOTA),
    ("kabupaten_kota", ["35.14"], PROVINCE),                # a second kabupaten/kota of the province
    ("provinsi", [], PROVINCE),
    ("provinsi", ["35.14", "35.78"], PROVINCE),
    ("provinsi", ["31.74"], KEMENSOS),                      # the issue: a work area in another province
    ("kabupaten_kota", ["31.74"], KEMENSOS),
    ("nasional", [], KEMENSOS),                             # the issue: referral scope nasional
])
def test_reach_authority(scope, area, authority):
    assert reach_authority(scope, area, DOMICILE) == authority


@pytest.mark.parametrize(("role", "authority", "allowed"), [
    (KABKOTA, KABKOTA, True), (KABKOTA, PROVINCE, False), (KABKOTA, KEMENSOS, False),
    (PROVINCE, KABKOTA, True), (PROVINCE, PROVINCE, True), (PROVINCE, KEMENSOS, False),
    (KEMENSOS, KEMENSOS, True), ("operator_lpks", KABKOTA, False),
])
def test_may_set_reach(role, authority, allowed):
    assert may_set_reach(role, authority) is allowed


@pytest.mark.parametrize(("scope", "area", "named"), [
    ("provinsi", [], "Dinas Sosial provinsi atau Kementerian Sosial"),
    ("nasional", [], "hanya dapat ditetapkan oleh Kementerian Sosial"),
    ("kabupaten_kota", ["31.74"], "hanya dapat ditetapkan oleh Kementerian Sosial"),
])
def test_check_reach_names_the_authority(scope, area, named):
    with pytest.raises(AccreditationError) as refused:
        check_reach(KABKOTA, scope, area, DOMICILE, "referral_scope")
    assert refused.value.field == "referral_scope" and named in refused.value.message
    assert "usulan" in refused.value.message and "Pasal" in refused.value.message


def test_who_may():
    assert who_may(PROVINCE) == (PROVINCE, KEMENSOS) and who_may(KEMENSOS) == (KEMENSOS,)
    assert check_reach(KEMENSOS, "nasional", ["31.74"], DOMICILE, "referral_scope") == KEMENSOS
