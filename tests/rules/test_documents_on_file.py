"""A document is on file (RULES §4 Reading, issue 12 item 8) when it has its date, never in the future, and either
its number or an attached scan; a tick alone is not a document."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from lpks.rules import RuleError, check_document, document_problem

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(("dated", "number", "scan", "problem"), [
    (TODAY, "B/1", False, None),
    (TODAY, None, True, None),                         # a scan instead of a number
    (TODAY - timedelta(days=400), "B/1", True, None),
    (TODAY + timedelta(days=1), "B/1", True, "dated"),  # a letter dated tomorrow
    (None, "B/1", True, "dated"),
    (TODAY, None, False, "number"),                    # a tick alone
    (TODAY, "   ", False, "number"),
    (None, None, False, "dated"),
])
def test_document_problem(dated, number, scan, problem):
    assert document_problem(dated, number, scan, TODAY) == problem


@pytest.mark.parametrize(("dated", "number", "scan", "field", "text"), [
    (None, "B/1", False, "dated", "tanggal surat wajib diisi"),
    (TODAY + timedelta(days=1), "B/1", False, "dated", "3 Desember 2026"),
    (TODAY, "", False, "number", "centang saja bukan dokumen"),
])
def test_check_document_names_the_field_and_the_pasal(dated, number, scan, field, text):
    with pytest.raises(RuleError) as refused:
        check_document("Resume/kronologis kasus", "Case summary", "Pasal 11 ayat 2 huruf d", dated, number, scan,
                       TODAY)
    error = refused.value
    assert error.field == field and text in error.message and "Pasal 11 ayat 2 huruf d" in error.message
    assert error.message.startswith("Resume/kronologis kasus") and error.message_en.startswith("Case summary")


def test_a_complete_document_passes():
    assert check_document("x", "x", "Pasal 11 ayat 2", TODAY, "B/1", False, TODAY) is None
