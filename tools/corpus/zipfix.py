"""The same bytes on every build: fixed entry times, fixed order, fixed dates in docProps/core.xml.
Directory entries ("word/", which JSZip writes for the npm docx package) are dropped: they hold nothing,
Word writes none, and ../shared/tools/ooxml_validate.py would try to parse one as XML."""

from __future__ import annotations

import io
import re
import zipfile

FIXED_DATE = "2025-08-18T08:00:00Z"
_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def fixed_zip(data: bytes, *, order: list[str] | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = [i.filename for i in src.infolist()]
        if order:
            names = [n for n in order if n in names] + [n for n in names if n not in order]
        for name in names:
            if name.endswith("/"):
                continue
            body = src.read(name)
            if name == "docProps/core.xml":
                body = _DATES.sub(rb"\g<1>" + FIXED_DATE.encode() + rb"\g<2>", body)
            entry = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, body)
    return out.getvalue()
