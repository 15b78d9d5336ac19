"""The DOCX package: a minimal base of our own, zipped deterministically.

python-docx's default base carries 788 KB of style XML that every save parses
and recompresses; this base holds only the parts a document needs (~3 KB), so
a render is a few string substitutions and one small zip.  Every entry gets
the same fixed timestamp and order: the same input gives the same bytes.
"""

from __future__ import annotations

import os
import struct
import zlib
from functools import lru_cache
from pathlib import Path

from .. import rules
from markupsafe import escape

from .ooxml import R_NS, W_NS, page_field
from .styles import styles_xml

_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"

#: Parts a renderer fills in per document; everything else is copied as-is.
TEMPLATED_PARTS = ("word/document.xml", "docProps/core.xml", "word/footer1.xml")


def _content_types() -> str:
    overrides = {
        "/word/document.xml": f"{_CT}.document.main+xml",
        "/word/styles.xml": f"{_CT}.styles+xml",
        "/word/settings.xml": f"{_CT}.settings+xml",
        "/word/header1.xml": f"{_CT}.header+xml",
        "/word/header2.xml": f"{_CT}.header+xml",
        "/word/footer1.xml": f"{_CT}.footer+xml",
        "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
        "/docProps/app.xml": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    }
    body = "".join(f'<Override PartName="{k}" ContentType="{v}"/>' for k, v in overrides.items())
    return (
        f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>'
        f"{body}</Types>"
    )


def _rels(items: list[tuple[str, str, str]]) -> str:
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{target}"/>' for i, t, target in items)
    return f'{_XML}<Relationships xmlns="{_PKG_REL}">{body}</Relationships>'


def _header(content: str) -> str:
    return f'{_XML}<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{content}</w:hdr>'


def _footer(content: str) -> str:
    return f'{_XML}<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">{content}</w:ftr>'


def _settings() -> str:
    return (
        f'{_XML}<w:settings xmlns:w="{W_NS}"><w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word"'
        ' w:val="15"/></w:compat>'
        f'<w:themeFontLang w:val="{rules.LANGUAGE}"/>'
        '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>'
    )


def _core() -> str:
    return (
        f'{_XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
        "<dc:title>{{ title }}</dc:title><dc:subject>{{ subject }}</dc:subject>"
        f"<dc:creator>congvan</dc:creator><dc:language>{rules.LANGUAGE}</dc:language></cp:coreProperties>"
    )


def core(title: str, subject: str) -> bytes:
    """Core properties filled in, for packages built without a template."""
    text = _core().replace("{{ title }}", str(escape(title))).replace("{{ subject }}", str(escape(subject)))
    return text.encode("utf-8")


def empty_footer() -> bytes:
    return _footer("<w:p/>").encode("utf-8")


def _app() -> str:
    return (
        f'{_XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>congvan</Application></Properties>"
    )


def base_parts(header_ids: dict[str, str]) -> dict[str, bytes]:
    """Every part of a template package except word/document.xml."""
    doc_rels = [
        ("rIdStyles", f"{_REL}/styles", "styles.xml"),
        ("rIdSettings", f"{_REL}/settings", "settings.xml"),
        (header_ids["default"], f"{_REL}/header", "header1.xml"),
        (header_ids["first"], f"{_REL}/header", "header2.xml"),
        (FOOTER_FIRST_ID, f"{_REL}/footer", "footer1.xml"),
    ]
    parts = {
        "[Content_Types].xml": _content_types(),
        "_rels/.rels": _rels([
            ("rId1", f"{_REL}/officeDocument", "word/document.xml"),
            ("rId2", f"{_PKG_REL}/metadata/core-properties", "docProps/core.xml"),
            ("rId3", f"{_REL}/extended-properties", "docProps/app.xml"),
        ]),
        "docProps/core.xml": _core(),
        "docProps/app.xml": _app(),
        "word/_rels/document.xml.rels": _rels(doc_rels),
        "word/settings.xml": _settings(),
        # Page numbers: centred in the top margin from page 2; page 1 has its own empty header.
        "word/header1.xml": _header(page_field("so_trang")),
        "word/header2.xml": _header('<w:p><w:pPr><w:pStyle w:val="so_trang"/></w:pPr></w:p>'),
        # ô 13: address and contacts at the foot of page 1 only (empty when not given).
        "word/footer1.xml": _footer('<w:p><w:r><w:t>{{p contact }}</w:t></w:r></w:p><w:p/>'),
    }
    out = {name: text.encode("utf-8") for name, text in parts.items()}
    out["word/styles.xml"] = styles_xml(rules.DEFAULT_PROFILE)
    return out


#: Relationship id of the page-1 footer (ô 13).
FOOTER_FIRST_ID = "rIdFooterFirst"


def zip_parts(parts: dict[str, bytes]) -> bytes:
    """Zip the parts, [Content_Types].xml first, with fixed timestamps.

    Written by hand rather than with zipfile so that the parts every render
    shares (styles, settings, headers) are compressed once, not per document.
    """
    names = sorted(parts, key=lambda n: (n != "[Content_Types].xml", n))
    out, directory = bytearray(), bytearray()
    for name in names:
        data = parts[name]
        packed, crc = _deflate(data) if name in TEMPLATED_PARTS else _deflate_shared(data)
        encoded = name.encode("ascii")
        sizes = (crc, len(packed), len(data), len(encoded))
        directory += _CENTRAL.pack(b"PK\x01\x02", 20, 20, 0, 8, _DOS_TIME, _DOS_DATE, *sizes, 0, 0, 0, 0,
                                   0o644 << 16, len(out)) + encoded
        out += _LOCAL.pack(b"PK\x03\x04", 20, 0, 8, _DOS_TIME, _DOS_DATE, *sizes, 0) + encoded + packed
    end = _END.pack(b"PK\x05\x06", 0, 0, len(names), len(names), len(directory), len(out), 0)
    return bytes(out + directory + end)


_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")
_DOS_DATE = ((_FIXED_TIME[0] - 1980) << 9) | (_FIXED_TIME[1] << 5) | _FIXED_TIME[2]
_DOS_TIME = (_FIXED_TIME[3] << 11) | (_FIXED_TIME[4] << 5) | (_FIXED_TIME[5] // 2)


def _deflate(data: bytes) -> tuple[bytes, int]:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)  # raw deflate, as zip stores it
    return packer.compress(data) + packer.flush(), zlib.crc32(data)


@lru_cache(maxsize=64)
def _deflate_shared(data: bytes) -> tuple[bytes, int]:
    return _deflate(data)


def write_atomic(path: str | os.PathLike, data: bytes) -> Path:
    """Write under congvan's one output policy (``congvan.files``): a temporary
    file beside the target, then a rename; never over an input, a device or a
    read-only file, never through a planted name."""
    from ..files import write_atomic as write

    return write(path, data)
