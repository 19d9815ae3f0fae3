"""Which verifier findings count when an LPKS has been verified more than once (RULES §2).

Decision: rounds are never overwritten; for each item the finding of the latest final round that assessed
it counts (latest by visit date, then by round number). A re-verification that assesses only some items
leaves the earlier findings of the other items in force; every finding keeps its round for the report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from .standards_facts import VerifierFinding


@dataclass(frozen=True)
class RoundFindings:
    """The findings of one final verification round."""

    round_id: int
    number: int
    visit_date: date
    findings: Mapping[str, VerifierFinding]


def findings_in_force(rounds: Iterable[RoundFindings]) -> tuple[dict[str, VerifierFinding], dict[str, RoundFindings]]:
    """Per item code, the finding in force and the round it comes from."""
    in_force: dict[str, VerifierFinding] = {}
    source: dict[str, RoundFindings] = {}
    for rnd in sorted(rounds, key=lambda r: (r.visit_date, r.number)):
        for code, finding in rnd.findings.items():
            in_force[code] = finding
            source[code] = rnd
    return in_force, source
