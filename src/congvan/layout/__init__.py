"""Layout: which Mẫu of Phụ lục III a document follows, and what goes where."""

from __future__ import annotations

from ..model import VanBan
from . import appendix, body, closing, copy, footnotes, geometry, header, mau, pagination
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
    page = geometry.page()
    recipients, signer = closing.noi_nhan(doc), closing.signature(doc)
    view = DocumentView(
        mau=mau_for(doc),
        profile=profile.value,
        header=header.header(doc, page, profile),
        title=header.title(doc, profile),
        kinh_gui=closing.kinh_gui(doc, profile),
        body=body.body(doc),
        noi_nhan=recipients,
        signature=signer,
        noi_nhan_split=pagination.recipients_split(recipients, signer, page, profile),
        page=page,
        appendices=appendix.appendices(doc),
        contact_lines=closing.contact_lines(doc),
        e_stamp=doc.ky_so or copy.electronic_copy_stamp(doc),
        copy=copy.copy_block(doc),
        confirmation=mau.confirmation(doc),
        meta={"title": (doc.trich_yeu or doc.doc_type.name).replace("\n", " "), "subject": doc.doc_type.name},
    )
    return footnotes.number(view, doc)


__all__ = ["DocumentView", "Para", "Rule", "lay_out", "mau_for"]
