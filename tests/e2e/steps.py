"""What a person does in the browser, shared by the walks: open a menu entry, read the flashed messages, count
the clicks."""
from __future__ import annotations

import re


class Clicks:
    """The person's clicks (a press, a tick, a menu): each goes through here and is counted; typing is not."""

    def __init__(self, page):
        self.page, self.count, self.log = page, 0, []

    def click(self, target, **options) -> None:
        self.count += 1
        self.log.append(target if isinstance(target, str) else repr(target))
        (self.page.locator(target) if isinstance(target, str) else target).click(**options)

    def check(self, target) -> None:
        self.count += 1
        self.log.append(f"check {target}")
        self.page.locator(target).check()


def menu(page, category: str, item: str, clicks: Clicks | None = None) -> None:
    """Open a category of the navigation bar (by its whole name) and click one of its entries; a click that lands
    before Bootstrap's scripts bound the dropdown opens nothing, so the category is clicked again if needed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    click = clicks.click if clicks else (lambda target: target.click())
    page.wait_for_load_state("load")
    toggle = page.locator("a.nav-link.dropdown-toggle").filter(has_text=re.compile(rf"^\s*{re.escape(category)}\s*$"))
    entry = page.locator("a.dropdown-item").filter(has_text=re.compile(rf"^\s*{re.escape(item)}\s*$"))
    for _attempt in range(3):
        click(toggle)
        try:
            entry.wait_for(state="visible", timeout=2500)
            break
        except PlaywrightTimeout:
            continue
    click(entry)
    page.wait_for_load_state()


def flash(page) -> str:
    """The flashed messages and alerts now on screen."""
    return "\n".join(page.locator(".alert").all_inner_texts())


def local_today():
    """Today where the users are (Asia/Jakarta, as the server's clock): at 01:00 UTC it is already tomorrow there."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo("Asia/Jakarta")).date()
