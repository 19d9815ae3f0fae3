"""Official documents as A4 PDF, rendered on the server from the same HTML template as the printable page.

WeasyPrint (BSD licence, maintained by CourtBouillon) turns HTML and CSS with `@page` rules into PDF with Python and
Pango alone: no browser is downloaded or started, it installs from PyPI with Debian's Pango, and its CSS paged-media
support keeps signature blocks with their text (`break-inside: avoid`). The renderer never reaches the network: the
only files it may load are the package's own static files.
"""
from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit

BASE_URL = "https://lpks.invalid/"
STATIC_DIR = Path(__file__).resolve().parents[1] / "static"


class RefusedResource(ValueError):
    """A document asked for a file that is not one of our static files."""


def static_path(url: str) -> Path:
    """The package's static file a document's URL names; anything else is refused (no network, no other file)."""
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith("/static/"):
        raise RefusedResource(url)
    path = (STATIC_DIR / parts.path[len("/static/"):]).resolve()
    if STATIC_DIR not in path.parents or not path.is_file():
        raise RefusedResource(url)
    return path


def pdf_from_html(html: str) -> bytes:
    """The A4 PDF of a rendered document page (its `@page` rules decide the paper and margins)."""
    from weasyprint import HTML  # imported on use: the web pages never pay for it
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            path = static_path(url)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})

    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnly()).write_pdf()
