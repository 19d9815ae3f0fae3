"""Registry test helpers: demo ids, a logged-in client with its CSRF token, small valid files and workbooks."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks.registry.models.institution import Institution
from tests.conftest import csrf_token, login, workbook  # noqa: F401  (workbook: for the registry tests)

PASURUAN = "LPKS Bina Harapan Kota Pasuruan"
TARUNA = "LPKS Taruna Mandiri Pasuruan"
SURABAYA = "UPT Rehabilitasi Sosial Anak Surabaya"
JAKARTA = "LPKS Tunas Bangsa Jakarta Timur"

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def ids(session) -> dict[str, int]:
    """Demo LPKS ids by name."""
    return {i.name: i.id for i in session.scalars(select(Institution))}


class Browser:
    """A logged-in test client that sends the CSRF token with every write."""

    def __init__(self, client, username: str):
        self.client = client
        assert login(client, username).status_code == 302
        self.token = csrf_token(client, "/account/")

    def get(self, path, **kw):
        return self.client.get(path, **kw)

    def api(self, method: str, path: str, **kw):
        headers = {"X-CSRFToken": self.token, **kw.pop("headers", {})}
        return self.client.open(path, method=method, headers=headers, **kw)

    def post(self, path: str, data: dict | None = None, **kw):
        data = {"csrf_token": self.token, **(data or {})}
        return self.client.post(path, data=data, **kw)


@pytest.fixture
def browse(demo):
    """browse(username) → a logged-in Browser with its own cookie jar."""
    def make(username: str) -> Browser:
        return Browser(demo.test_client(), username)
    return make


