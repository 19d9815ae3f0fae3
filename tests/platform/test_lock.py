"""Reproducible installs: requirements.lock pins every package LPKS and its tests need, at the installed version."""
from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

LOCK = Path(__file__).resolve().parents[2] / "requirements.lock"


def _pins() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", line.strip()).groups()
            pins[canonicalize_name(name)] = version
    return pins


def _needed(name: str, extras: frozenset[str], seen: dict[str, None]) -> None:
    for raw in metadata.requires(name) or []:
        req = Requirement(raw)
        if req.marker and not any(req.marker.evaluate({"extra": extra}) for extra in (extras or {""})):
            continue
        key = canonicalize_name(req.name)
        if key not in seen:
            seen[key] = None
            _needed(req.name, frozenset(req.extras), seen)


def test_every_dependency_is_pinned_at_the_installed_version():
    seen: dict[str, None] = {}
    _needed("lpks", frozenset({"test"}), seen)
    seen.pop("pip", None)  # pip-audit needs pip, the installer the environment already has
    pins = _pins()
    assert len(seen) > 40
    missing = sorted(name for name in seen if name not in pins)
    assert missing == [], f"not in requirements.lock (run `make lock`): {missing}"
    stale = sorted(f"{name} {pins[name]} != {metadata.version(name)}" for name in seen
                   if metadata.version(name) != pins[name])
    assert stale == [], f"requirements.lock differs from the installed versions: {stale}"


def test_pyproject_pins_match_the_lock():
    text = (LOCK.parent / "pyproject.toml").read_text(encoding="utf-8")
    pins = _pins()
    for name, version in re.findall(r'"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^"]+)"', text):
        if canonicalize_name(name) != "setuptools":  # the build backend, pinned in [build-system]
            assert pins.get(canonicalize_name(name)) == version, name
