"""The seeded default instrument (RULES §3 Reading): the seven aspects of Pasal 52 ayat (4), changeable by Kemensos.

Reading (RULES §3): bands A ≥ 86, B 71–85, C 56–70, below 56 not accredited; validity A 5 years, B 3, C 2.
Decisions where RULES is silent, kept here and nowhere else:
- one indicator per mandatory catalogue item, its code the item code, pre-filled from that item;
- answers terpenuhi 2, sebagian 1, belum 0 (sebagian = half, as in the standards compliance of RULES §2);
- aspect weights a 15, b 5, c 10, d 20, e 20, f 10, g 20 (sum 100): status, people, facilities and the
  programme weigh most; a national user replaces them by publishing a new version.
"""

from __future__ import annotations

from decimal import Decimal

from .catalogue import ASPECTS
from .instrument import AnswerOption, GradeBand, Indicator, Instrument, InstrumentAspect
from .levels import Grade

DEFAULT_VERSION = "2018.1"
DEFAULT_WEIGHTS = {"a": 15, "b": 5, "c": 10, "d": 20, "e": 20, "f": 10, "g": 20}
DEFAULT_BANDS = ((Grade.A, 86, 100), (Grade.B, 71, 86), (Grade.C, 56, 71), (None, 0, 56))
DEFAULT_VALIDITY_YEARS = {Grade.A: 5, Grade.B: 3, Grade.C: 2}

STATUS_ANSWERS = (
    AnswerOption("terpenuhi", "Terpenuhi", Decimal(2), "Met"),
    AnswerOption("sebagian", "Sebagian", Decimal(1), "Partly met"),
    AnswerOption("belum", "Belum", Decimal(0), "Not met"),
)


def build_default_instrument() -> Instrument:
    """Build the default instrument from the catalogue."""
    aspects = tuple(
        InstrumentAspect(
            code=aspect.code,
            label_id=aspect.label_id,
            label_en=aspect.label_en,
            weight=Decimal(DEFAULT_WEIGHTS[aspect.code]),
            indicators=tuple(
                Indicator(item.code, f"{item.label_id} ({item.pasal})", Decimal(2), STATUS_ANSWERS,
                          label_en=item.label_en, prefill=(item.code,))
                for item in aspect.mandatory_items
            ),
        )
        for aspect in ASPECTS
    )
    bands = tuple(GradeBand(grade, Decimal(lower), Decimal(upper)) for grade, lower, upper in DEFAULT_BANDS)
    return Instrument(DEFAULT_VERSION, aspects, bands, DEFAULT_VALIDITY_YEARS)


DEFAULT_INSTRUMENT: Instrument = build_default_instrument()
