"""Open a DOCX the way a mail server opens an attachment: assume nothing.

Refused before any XML is parsed: files that are not zip packages (a .doc,
an encrypted DOCX — both OLE compound files — a PDF, an empty file), truncated
or corrupt zips, macro-enabled documents, and zip bombs (declared sizes are
checked against limits, then reading stops at the limit whatever the headers
claim).  XML is parsed without DTDs or entities, so entity-expansion and XXE
documents are refused, not expanded.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..errors import CongVanError, Problem

MAX_FILE_BYTES = 50 * 1024 * 1024  # a DOCX with photos is a few MB
MAX_PART_BYTES = 30 * 1024 * 1024  # one XML part, uncompressed
MAX_TOTAL_BYTES = 120 * 1024 * 1024  # every part read, uncompressed
MAX_PARTS = 2000

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAIN_TYPES = ("wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml")
MACRO_TYPES = ("document.macroEnabled", "template.macroEnabled", "vbaProject")


class UnreadableDocument(CongVanError):
    """The file cannot be checked: not a DOCX, damaged, encrypted, or hostile."""

    def __init__(self, name: str, vi: str, en: str):
        super().__init__([Problem(path="", file=name, vi=vi, en=en)])


@dataclass
class Package:
    """The XML parts the checker reads, parsed safely."""

    name: str
    document: etree._Element
    styles: etree._Element | None
    parts: dict[str, etree._Element]  # headers, footers, settings, theme by part name
    rels: dict[str, str]  # relationship id → part name (word/…)
    raw: bytes  # the file, for --fix and layout measuring


def read(source: str | os.PathLike | bytes, name: str | None = None) -> Package:
    raw, name = _load(source, name)
    _refuse_non_zip(raw, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableDocument(name, f"tệp nén DOCX bị hỏng hoặc thiếu phần cuối ({exc})",
                                 f"the DOCX zip is damaged or truncated ({exc})") from None
    _refuse_bombs(infos, name)
    read_part = _PartReader(archive, name)
    types = read_part.text("[Content_Types].xml")
    if types is None or not any(t in types for t in MAIN_TYPES):
        if types and any(t in types for t in MACRO_TYPES):
            raise _macro(name)
        raise UnreadableDocument(name, "không phải văn bản Word (DOCX)", "not a Word document (DOCX)")
    if any(t in types for t in MACRO_TYPES) or any(i.filename.endswith("vbaProject.bin") for i in infos):
        raise _macro(name)
    document = read_part.xml("word/document.xml")
    if document is None:
        raise UnreadableDocument(name, "thiếu word/document.xml", "word/document.xml is missing")
    rels_xml = read_part.xml("word/_rels/document.xml.rels")
    rels = {}
    if rels_xml is not None:
        for rel in rels_xml:
            target = rel.get("Target", "")
            rels[rel.get("Id")] = target.lstrip("/") if target.startswith("/") else f"word/{target}"
    parts = {}
    for part in set(rels.values()) | {"word/settings.xml"}:
        if part.endswith(".xml") and ("header" in part or "footer" in part or part.endswith("settings.xml")
                                      or part.startswith("word/theme/")):  # theme fonts resolve through it
            parsed = read_part.xml(part)
            if parsed is not None:
                parts[part] = parsed
    return Package(name, document, read_part.xml("word/styles.xml"), parts, rels, raw)


def _load(source, name) -> tuple[bytes, str]:
    if isinstance(source, (bytes, bytearray)):
        if len(source) > MAX_FILE_BYTES:
            raise _too_big(name or "DOCX")
        return bytes(source), name or "DOCX"
    from ..files import FileRefused, read_bounded

    name = name or str(source)
    try:  # the input policy: a regular file, at most MAX_FILE_BYTES read whatever stat says
        return read_bounded(source, MAX_FILE_BYTES, ("DOCX", "DOCX file")), name
    except FileRefused as exc:
        problem = exc.problems[0]
        raise UnreadableDocument(name, problem.vi, problem.en) from None


def _refuse_non_zip(raw: bytes, name: str) -> None:
    if not raw:
        raise UnreadableDocument(name, "tệp rỗng", "the file is empty")
    if raw.startswith(OLE_SIGNATURE):
        raise UnreadableDocument(
            name, "tệp .doc (Word 97–2003) hoặc DOCX có mật khẩu: mở bằng Word, bỏ mật khẩu, lưu thành .docx",
            "a .doc (Word 97–2003) or a password-protected DOCX: open it in Word, remove the password, save as .docx")
    if raw.startswith(b"%PDF"):
        raise UnreadableDocument(name, "tệp PDF, không phải DOCX", "a PDF, not a DOCX")
    if not raw.startswith(b"PK"):
        raise UnreadableDocument(name, "không phải tệp DOCX (không phải gói zip)", "not a DOCX (not a zip package)")


def _refuse_bombs(infos: list[zipfile.ZipInfo], name: str) -> None:
    total = sum(i.file_size for i in infos)
    if len(infos) > MAX_PARTS or total > MAX_TOTAL_BYTES or any(i.file_size > MAX_PART_BYTES for i in infos):
        raise UnreadableDocument(name, "tệp nén giải ra quá lớn (nghi là zip bomb)",
                                 "the package unpacks to far too much data (a zip bomb?)")


def _too_big(name: str) -> UnreadableDocument:
    mb = MAX_FILE_BYTES // 1024 // 1024
    return UnreadableDocument(name, f"tệp lớn hơn {mb} MB", f"the file is larger than {mb} MB")


def _macro(name: str) -> UnreadableDocument:
    return UnreadableDocument(name, "văn bản có macro (.docm): không kiểm tra tệp chứa mã chạy được",
                              "a macro-enabled document (.docm): files with runnable code are not checked")


class _PartReader:
    """Reads parts with a hard cap on bytes actually inflated, whatever the zip header says."""

    def __init__(self, archive: zipfile.ZipFile, name: str):
        self.archive, self.name = archive, name
        self.parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                      huge_tree=False, remove_blank_text=False)

    def bytes(self, part: str) -> bytes | None:
        try:
            with self.archive.open(part) as stream:
                data = stream.read(MAX_PART_BYTES + 1)
        except KeyError:
            return None
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError) as exc:
            raise UnreadableDocument(self.name, f"phần {part} bị hỏng ({exc})", f"the part {part} is damaged ({exc})") \
                from None
        if len(data) > MAX_PART_BYTES:
            raise UnreadableDocument(self.name, f"phần {part} giải ra quá lớn (nghi là zip bomb)",
                                     f"the part {part} unpacks to far too much data (a zip bomb?)")
        return data

    def text(self, part: str) -> str | None:
        data = self.bytes(part)
        return None if data is None else data.decode("utf-8", "replace")

    def xml(self, part: str) -> etree._Element | None:
        data = self.bytes(part)
        if data is None:
            return None
        if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
            raise UnreadableDocument(self.name, f"phần {part} khai báo DTD/thực thể XML (có thể là tấn công XXE)",
                                     f"the part {part} declares a DTD or XML entities (an XXE attack?)")
        try:
            return etree.fromstring(data, self.parser)
        except etree.XMLSyntaxError as exc:
            raise UnreadableDocument(self.name, f"XML của {part} bị hỏng ({exc})", f"the XML of {part} is broken ({exc})") \
                from None
