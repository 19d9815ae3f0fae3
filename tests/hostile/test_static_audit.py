"""Static checks run by `make test` (so by CI): bandit finds no medium/high issue in our code, and pip-audit finds
no known vulnerability in the pinned dependencies — when a vulnerability service is reachable; otherwise the test
SKIPS and says why (never a silent pass)."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_bandit_finds_no_medium_or_high_issue():
    result = subprocess.run([str(BIN / "bandit"), "-ll", "-q", "-f", "json", "-r", "lpks", "accreditation"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    report = json.loads(result.stdout)
    found = [f"{r['filename']}:{r['line_number']} {r['test_id']} {r['issue_text']}" for r in report["results"]]
    assert found == [] and result.returncode == 0, "\n".join(found) or result.stderr


def _reachable(url: str, body: bytes | None = None) -> str | None:
    """None when the URL answers 200, otherwise why not."""
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=8) as response:  # nosec B310 (fixed https URLs of the services)
            return None if response.status == 200 else f"HTTP {response.status}"
    except Exception as exc:  # noqa: BLE001  (any failure means: not reachable from here)
        return f"{type(exc).__name__}: {exc}"


def _service() -> tuple[str | None, list[str]]:
    """The first usable vulnerability service, and why each other one is not."""
    why = []
    osv = _reachable("https://api.osv.dev/v1/query", json.dumps(
        {"package": {"name": "flask", "ecosystem": "PyPI"}, "version": "3.1.3"}).encode())
    if osv is None:
        return "osv", why
    why.append(f"OSV (api.osv.dev): {osv}")
    pypi = _reachable("https://pypi.org/pypi/flask/3.1.3/json")  # the per-version JSON pip-audit's PyPI service reads
    if pypi is None:
        return "pypi", why
    why.append(f"PyPI JSON API per version (pypi.org/pypi/<name>/<version>/json): {pypi}")
    return None, why


def test_pip_audit_finds_no_known_vulnerability_in_the_pinned_dependencies(tmp_path):
    service, why = _service()
    if service is None:
        pytest.skip("no vulnerability service reachable from this machine: " + "; ".join(why))
    frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"], capture_output=True,
                            text=True, check=True, timeout=120).stdout
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(frozen, encoding="utf-8")
    result = subprocess.run([str(BIN / "pip-audit"), "-r", str(requirements), "--no-deps", "--disable-pip",
                             "--vulnerability-service", service, "--progress-spinner", "off", "-f", "json"],
                            capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    deps = report["dependencies"]
    audited = [d for d in deps if "skip_reason" not in d]
    if not audited:
        pytest.skip(f"{service}: reachable but audited none of {len(deps)} dependencies ({deps[0]['skip_reason']})")
    vulnerable = [f"{d['name']} {d['version']}: {', '.join(v['id'] for v in d['vulns'])}" for d in audited
                  if d.get("vulns")]
    assert vulnerable == [], "\n".join(vulnerable)
