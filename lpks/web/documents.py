"""An official document answered as its printable A4 page or, when asked (`format=pdf`), as the same page in PDF."""
from __future__ import annotations

from flask import Response, render_template, request

from lpks.io.pdf import pdf_from_html

PDF = "pdf"


def wants_pdf() -> bool:
    """Whether the user asked for the PDF (a form field or query parameter `format=pdf`)."""
    return request.values.get("format") == PDF


def safe_filename(name: str) -> str:
    """A download name of letters, digits, dots and dashes only."""
    return "".join(c if c.isalnum() or c in "-." else "-" for c in name)


def document_response(template: str, filename: str, **context) -> Response | str:
    """The document page, or its PDF as an attachment (never cached: documents may hold a child's identity)."""
    html = render_template(template, **context, as_pdf=wants_pdf())
    if not wants_pdf():
        return html
    response = Response(pdf_from_html(html), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{safe_filename(filename)}.pdf"'
    response.headers["Cache-Control"] = "no-store"
    return response
