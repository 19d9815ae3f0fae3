"""Shared helpers: str enums carrying their Indonesian/English labels and Pasal, Indonesian dates."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from lpks.rules.errors import RuleError

_MONTHS_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
              "September", "Oktober", "November", "Desember")


class LabelledEnum(StrEnum):
    """A str enum whose members carry `label_id`, `label_en` and `pasal`."""

    label_id: str
    label_en: str
    pasal: str

    def __new__(cls, value: str, label_id: str, label_en: str, pasal: str = ""):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label_id = label_id
        member.label_en = label_en
        member.pasal = pasal
        return member

    @classmethod
    def coerce(cls, value: object, *, field: str, rule: str):
        """The member for `value`, or a RuleError on `field` listing the allowed values."""
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(member.value for member in cls)
            raise RuleError(
                f"Nilai {value!r} tidak dikenal; pilihan yang sah: {allowed} ({rule}).",
                field=field, rule=rule,
                message_en=f"Unknown value {value!r}; allowed values: {allowed} ({rule}).",
            ) from None

    def label(self, locale: str = "id") -> str:
        """The label in `locale` ("id" default, "en" English)."""
        return self.label_en if locale.startswith("en") else self.label_id


def format_date_id(value: date) -> str:
    """A date as written in Indonesian letters: 17 Agustus 2026."""
    return f"{value.day} {_MONTHS_ID[value.month - 1]} {value.year}"


def check_positive_int(value: object, *, field: str, rule: str, what_id: str, what_en: str) -> int:
    """Refuse anything but an int ≥ 1 (bool included) with a RuleError on `field`."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RuleError(
            f"{what_id} harus bilangan bulat paling sedikit 1, bukan {value!r} ({rule}).",
            field=field, rule=rule,
            message_en=f"{what_en} must be a whole number of at least 1, not {value!r} ({rule}).",
        )
    return value
