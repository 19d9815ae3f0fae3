"""Domain errors carry the field, the rule and messages in Indonesian and English."""

import pickle

import pytest

from lpks.rules import MissingDocumentsError, RuleError, check_admission, check_days


def test_rule_error_is_a_value_error_with_both_messages():
    with pytest.raises(ValueError) as caught:
        check_days("penuntutan", 11)
    error = caught.value
    assert isinstance(error, RuleError)
    assert error.field == "days" and error.rule == "Pasal 11 ayat 3 huruf b; UU SPPA Pasal 34"
    assert str(error) == error.message and "paling lama 10 hari" in error.message
    assert "at most 10 days" in error.message_en


def test_errors_survive_pickling():
    with pytest.raises(MissingDocumentsError) as caught:
        check_admission("pre_process", ["persetujuan_anak"])
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is MissingDocumentsError
    assert (copy.field, copy.rule, copy.message, copy.message_en) == (
        caught.value.field, caught.value.rule, caught.value.message, caught.value.message_en)
    assert copy.missing == caught.value.missing


def test_english_message_defaults_to_indonesian():
    error = RuleError("Pesan", field="x", rule="Pasal 1")
    assert error.message_en == "Pesan"
