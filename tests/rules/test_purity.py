"""lpks.rules stays pure: it imports only the standard library, holidays and dateutil (GUIDE)."""

import ast
import sys
from pathlib import Path

import pytest

import lpks.rules

PACKAGE = Path(lpks.rules.__file__).resolve().parent
ALLOWED_THIRD_PARTY = {"holidays", "dateutil"}
ALLOWED = set(sys.stdlib_module_names) | ALLOWED_THIRD_PARTY | {"__future__"}
MAX_LINES = 200


def forbidden_imports(source: str, filename: str = "<module>") -> list[str]:
    """Names imported by `source` that are neither stdlib, holidays, dateutil nor inside the package."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names
                      if alias.name.split(".")[0] not in ALLOWED and not _inside(alias.name)]
        elif isinstance(node, ast.ImportFrom):
            if node.level > 1:  # `from .. import x` leaves lpks.rules for the web app package
                found.append("." * node.level + (node.module or ""))
            elif node.level == 0 and node.module.split(".")[0] not in ALLOWED and not _inside(node.module):
                found.append(node.module)
        elif isinstance(node, ast.Call) and _dynamic_import_target(node) is not None:
            target = _dynamic_import_target(node)
            if target.split(".")[0] not in ALLOWED:
                found.append(target)
    return found


def _inside(module: str) -> bool:
    """An absolute import of the package itself (`from lpks.rules.age import …`)."""
    return module == "lpks.rules" or module.startswith("lpks.rules.")


def _dynamic_import_target(node: ast.Call) -> str | None:
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    if name in {"__import__", "import_module"} and node.args:
        argument = node.args[0]
        return argument.value if isinstance(argument, ast.Constant) and isinstance(argument.value, str) else "?"
    return None


MODULES = sorted(PACKAGE.glob("*.py"))


def test_package_has_modules():
    assert {path.name for path in MODULES} >= {"__init__.py", "age.py", "calendar.py", "custody.py", "court.py",
                                                "placements.py", "exits.py", "dashboard.py", "errors.py"}


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_module_imports_only_allowed_packages(path):
    assert forbidden_imports(path.read_text(encoding="utf-8"), str(path)) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda path: path.name)
def test_module_stays_small(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) < MAX_LINES


FAKE_MODULE = '''
import datetime
import flask
from sqlalchemy.orm import Session
from dateutil.relativedelta import relativedelta
import holidays
from . import errors
from .. import extensions
from sqlmodel import SQLModel as Model


def later():
    import wtforms
    import importlib
    importlib.import_module("flask_admin")
    __import__("os")
'''


def test_checker_catches_forbidden_imports():
    assert forbidden_imports(FAKE_MODULE) == [
        "flask", "sqlalchemy.orm", "..", "sqlmodel", "wtforms", "flask_admin"]


def test_checker_accepts_a_clean_module():
    assert forbidden_imports("import math\nfrom datetime import date\nfrom .errors import RuleError\n") == []
