"""Each step of the Dinas Sosial's procedure is recorded with its facts (RULES §8; the Pasal 14 meeting)."""

import pytest

from lpks.rules import RuleError
from lpks.rules.intake_steps import check_facts, missing_facts

MEETING = {"participants": ["anak_keluarga", "peksos_tks", "tokoh_masyarakat"], "care_decision": "orang_tua_wali",
           "rehabilitation_forms": ["sosial_konseling"], "outcome": "Anak kembali bersekolah; kerja sosial 2 minggu"}


@pytest.mark.parametrize(("step", "values", "first_missing"), [
    ("pendataan_asesmen", {"problems": "x", "needs": "x", "potentials": "x", "resources": "x"}, None),
    ("pendataan_asesmen", {"problems": "x", "needs": "", "potentials": "x", "resources": "x"}, "needs"),
    ("case_conference", {"conclusions": "x", "conference_participants": [{"role": "peksos"}]}, None),
    ("case_conference", {"conclusions": "x", "conference_participants": []}, "conference_participants"),
    ("verifikasi_kunjungan_rumah", {"outcome": "Rumah layak"}, None),
    ("verifikasi_kunjungan_rumah", {}, "outcome"),
    ("pendampingan_anak_mediator", {"outcome": "x"}, "mediator"),
    ("pendampingan_abh", {"outcome": "x"}, None),
    ("musyawarah_pasal_14", MEETING, None),
    ("musyawarah_pasal_14", {**MEETING, "social_sanction": None}, None),     # sanctions only if needed
    ("musyawarah_pasal_14", {**MEETING, "care_decision": None}, "care_decision"),
    ("musyawarah_pasal_14", {**MEETING, "rehabilitation_forms": []}, "rehabilitation_forms"),
    ("musyawarah_pasal_14", {**MEETING, "participants": ["tokoh_agama"]}, "participants"),  # child, family, peksos
    ("pendampingan_lapor_uppa", {"police_unit": "UPPA Polres Pasuruan Kota"}, None),
    ("pendampingan_lapor_uppa", {"report_number": "LP/1"}, "police_unit"),
    ("pendampingan_diversi", {"diversion_result": "tidak_sepakat"}, None),
    ("pendampingan_diversi", {"diversion_result": "sepakat"}, "recommendations"),
    ("pendampingan_diversi", {"diversion_result": "sepakat", "recommendations": "Pelatihan kerja 3 bulan"}, None),
    ("pelaksanaan_rekomendasi", {}, "outcome"),
])
def test_step_facts(step, values, first_missing):
    if first_missing is None:
        assert missing_facts(step, values) == []
        check_facts(step, values)
    else:
        with pytest.raises(RuleError) as caught:
            check_facts(step, values)
        assert caught.value.field == first_missing


def test_the_meeting_lists_every_missing_fact():
    with pytest.raises(RuleError) as caught:
        check_facts("musyawarah_pasal_14", {"participants": ["tokoh_agama"]})
    message = caught.value.message
    for fact in ("keputusan pengasuhan", "bentuk rehabilitasi", "anak dan keluarganya", "pekerja sosial/tks"):
        assert fact in message
