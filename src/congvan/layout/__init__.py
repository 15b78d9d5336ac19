"""Layout: which Mẫu of Phụ lục III a document follows, and what goes where."""

from __future__ import annotations

import dataclasses

from ..model import VanBan
from . import appendix, body, closing, copy, geometry, header, mau, pagination
from .view import DocumentView, Para, Rule


def mau_for(doc: VanBan) -> str:
    """The Phụ lục III template that lays this type out: 1.5 công văn, 1.9
    biên bản (two signature blocks), 1.4 for every other type (1.1–1.3 and
    1.6–1.10 differ from it only inside the body)."""
    if not doc.doc_type.has_type_name:
        return "1.5"
    return "1.9" if doc.loai == "bien-ban" else "1.4"


def lay_out(doc: VanBan) -> DocumentView:
    profile = doc.co_chu
    page = header.page_for(doc, profile)
    signature = closing.signature(doc)
    wanted = closing.column_wanted_mm(closing.recipients(doc, page.signature_columns[0], profile), profile)
    columns = geometry.signature_columns(wanted, closing.signer_needs_mm(signature, profile))
    if columns != page.signature_columns and doc.loai != "bien-ban":  # a recipient line that would break: widen
        page = dataclasses.replace(page, signature_columns=columns)
    recipients = closing.recipients(doc, page.signature_columns[0], profile)
    return DocumentView(
        mau=mau_for(doc),
        profile=profile.value,
        header=header.header(doc, page, profile),
        title=header.title(doc, profile),
        kinh_gui=closing.kinh_gui(doc, profile),
        body=body.body(doc),
        noi_nhan=[r.text for r in recipients],
        recipients=recipients,
        signature=signature,
        noi_nhan_split=pagination.recipients_split([r.text for r in recipients], signature, page, profile),
        page=page,
        appendices=appendix.appendices(doc),
        contact_lines=closing.contact_lines(doc),
        e_stamp=doc.ky_so or copy.electronic_copy_stamp(doc),
        copy=copy.copy_block(doc),
        confirmation=mau.confirmation(doc),
        notices=header.agency_lines(doc, profile)[2],
        meta={"title": (doc.trich_yeu or doc.doc_type.name).replace("\n", " "), "subject": doc.doc_type.name},
    )


__all__ = ["DocumentView", "Para", "Rule", "lay_out", "mau_for"]
