"""--fix: apply the corrections the checks attached to their findings, write a
copy (atomically; never over the original), and check the copy again."""

from __future__ import annotations

import copy
import io
import os
import zipfile
from pathlib import Path

from lxml import etree

from ..errors import CongVanError, Problem
from .findings import FixResult
from .scope import NotAdministrative


def apply(source, dest, run) -> FixResult:
    report, ctx, package = run(source, False)
    if report.scope is not None:
        raise NotAdministrative(report.file, report.scope)
    dest = Path(dest)
    if not isinstance(source, (bytes, bytearray)) and _same_file(Path(source), dest):  # links included
        raise CongVanError([Problem(path="", file=str(dest), vi=f"{dest} chính là bản gốc {source}: không ghi đè lên"
                                    " bản gốc (tệp đầu vào); chọn tên khác (-o)",
                                    en=f"{dest} is the original {source} itself: will not overwrite the input;"
                                    " choose another name (-o)")])
    twins = _twin_boxes(package)
    for correction in ctx.fixes:
        correction()
    _mirror(twins)
    data = _repack(package)
    _write_atomic(dest, data)
    after = run(data, False, str(dest))[0]
    remaining = {(f.rule, f.where, f.found) for f in after.findings}
    fixed = [f for f in report.findings if (f.rule, f.where, f.found) not in remaining]
    return FixResult(package.name, str(dest), fixed, after.findings)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or os.path.samefile(a, b)
    except OSError:
        return False


MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _box_texts(container) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in container.iter(f"{{{W}}}p")]


def _twin_boxes(package) -> list[tuple]:
    """Text boxes Word writes twice (mc:Choice, and a VML copy in mc:Fallback for old
    readers) whose two copies say the same: the fixed Choice is copied into the
    Fallback, so no reader still sees the error.  Copies that differ are left alone."""
    twins = []
    for root in [package.document, *package.parts.values()]:
        for alternate in root.iter(f"{{{MC}}}AlternateContent"):
            choice, fallback = alternate.find(f"{{{MC}}}Choice"), alternate.find(f"{{{MC}}}Fallback")
            if choice is None or fallback is None:
                continue
            boxes = [list(c.iter(f"{{{W}}}txbxContent")) for c in (choice, fallback)]
            if boxes[0] and len(boxes[0]) == len(boxes[1]):
                for ours, theirs in zip(*boxes):
                    if _box_texts(ours) == _box_texts(theirs):
                        twins.append((ours, theirs, etree.tostring(ours)))
    return twins


def _mirror(twins: list[tuple]) -> None:
    for ours, theirs, before in twins:
        if etree.tostring(ours) != before:  # a fix touched the Choice copy
            for child in list(theirs):
                theirs.remove(child)
            for child in ours:
                theirs.append(copy.deepcopy(child))


def _repack(package) -> bytes:
    """The original zip with the edited XML parts put back."""
    edited = {"word/document.xml": package.document, **package.parts}
    if package.styles is not None:
        edited["word/styles.xml"] = package.styles
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package.raw)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in edited:
                data = etree.tostring(edited[info.filename], xml_declaration=True, encoding="UTF-8", standalone=True)
            else:
                data = _member(src, info, package.name)
            dst.writestr(info, data)
    return out.getvalue()


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """A part copied as it is; a damaged one (bad CRC, unknown compression) is a
    clear refusal, not a traceback and not a silently dropped part."""
    from .reader import MAX_PART_BYTES, UnreadableDocument

    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError, NotImplementedError) as exc:
        raise UnreadableDocument(name, f"phần {info.filename} bị hỏng ({exc}): không ghi được bản sửa",
                                 f"the part {info.filename} is damaged ({exc}): no corrected copy written") from None
    if len(data) > MAX_PART_BYTES:
        raise UnreadableDocument(name, f"phần {info.filename} giải ra quá lớn (nghi là zip bomb)",
                                 f"the part {info.filename} unpacks to far too much data (a zip bomb?)")
    return data


def _write_atomic(dest: Path, data: bytes) -> None:
    from ..files import write_atomic

    write_atomic(dest, data)  # O_EXCL|O_NOFOLLOW temporary, never over the input or a device
