"""accreditation/ is a pure domain package: it imports the standard library and itself, nothing else (GUIDE)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "accreditation"
ALLOWED = set(sys.stdlib_module_names) | {"__future__", "accreditation"}


def foreign_imports(source: str) -> list[str]:
    """Top-level names imported by `source` that are neither stdlib nor this package (dynamic imports included)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.append(node.module or "")
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func):
            arg = node.args[0] if node.args else None
            found.append(arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else "<dynamic>")
    return [name for name in found if name.split(".")[0] not in ALLOWED]


def _is_dynamic_import(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "__import__") or (
        isinstance(func, ast.Attribute) and func.attr == "import_module")


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_the_package_has_modules():
    assert len(MODULES) >= 10 and (PACKAGE / "__init__.py") in MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_module_imports_only_the_standard_library(path):
    assert foreign_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("source, bad", [
    ("import flask", ["flask"]),
    ("from sqlalchemy.orm import Session", ["sqlalchemy.orm"]),
    ("import os, sqlmodel", ["sqlmodel"]),
    ("def f():\n    import wtforms\n", ["wtforms"]),
    ("import importlib\nimportlib.import_module('holidays')", ["holidays"]),
    ("__import__(name)", ["<dynamic>"]),
    ("from dateutil.relativedelta import relativedelta", ["dateutil.relativedelta"]),
    ("import lpks.tables", ["lpks.tables"]),
])
def test_the_check_catches_foreign_imports(source, bad):
    assert foreign_imports(source) == bad


@pytest.mark.parametrize("source", [
    "import os\nfrom decimal import Decimal", "from . import catalogue", "from .levels import Grade",
    "from __future__ import annotations", "import accreditation.catalogue", "import importlib\nimportlib.import_module('json')",
])
def test_the_check_lets_stdlib_and_own_imports_through(source):
    assert foreign_imports(source) == []


def test_the_check_fails_the_real_test_on_a_sample_file(tmp_path):
    sample = tmp_path / "tainted.py"
    sample.write_text("from decimal import Decimal\nfrom flask import current_app\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        test_module_imports_only_the_standard_library(sample)


def test_importing_the_package_loads_no_third_party_module():
    import subprocess

    probe = ("import sys; before = set(sys.modules); import accreditation; "
             "print('\\n'.join(sorted({m.split('.')[0] for m in set(sys.modules) - before})))")
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=PACKAGE.parent, capture_output=True, text=True, check=True)
    assert [name for name in loaded.stdout.split() if name not in ALLOWED] == []
