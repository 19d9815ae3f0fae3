"""Reports test helpers: logged-in browsers (tests.registry.conftest), reading a page's figure tables back."""
from __future__ import annotations

import re

import pytest

from tests.registry.conftest import Browser


@pytest.fixture
def browse(demo):
    """browse(username) → a logged-in Browser with its own cookie jar (sends the CSRF token with every write)."""
    def make(username: str) -> Browser:
        return Browser(demo.test_client(), username)
    return make


def version_of(html: str) -> str:
    """The version a page's forms send back."""
    return re.search(r'name="version" value="(\d+)"', html).group(1)


def table_cells(html: str, key: str) -> dict[str, list[str]]:
    """A figure's table on a page: {row code: cells as shown} (the totals row under 'total')."""
    table = re.search(r'<table[^>]*data-testid="figure-%s".*?</table>' % re.escape(key), html, re.S).group(0)
    rows = {}
    for code, body in re.findall(r'<tr data-row="([^"]+)">(.*?)</tr>', table, re.S):
        rows[code] = [c.strip() for c in re.findall(r'<t[dh] class="num">(.*?)</t[dh]>', body, re.S)]
    return rows
