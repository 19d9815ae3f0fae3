"""The dashboard's first step: only a role that registers an LPKS's children is offered "Catat anak baru"."""
from __future__ import annotations

import pytest

from tests.conftest import login


@pytest.mark.parametrize("username, offered", [("operator.pasuruan", True), ("dinsos.pasuruan", False),
                                               ("dinsos.jatim", False), ("kemensos", False), ("admin", False)])
def test_only_an_lpks_is_offered_a_new_child_on_its_dashboard(demo, client, username, offered):
    login(client, username)
    page = client.get("/").get_data(as_text=True)
    assert ('data-testid="quick-new-child"' in page) is offered
    if offered:
        assert "Catat anak baru" in page and "/admin/resident/new/" in page
