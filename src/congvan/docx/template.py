"""Loading a Word-editable template once and rendering it many times.

docxtpl's own preprocessing (``DocxTemplate.patch_xml``) turns the Word XML
into a Jinja template: it rejoins tags that Word split across runs, removes
the paragraphs around ``{%p %}`` tags and straightens curly quotes inside tags.
Unlike ``DocxTemplate.render``, which re-reads the package and recompiles on
every call, the compiled template and the package's other parts are kept and
reused: rendering is one Jinja call and one small zip.

Autoescaping is always on: without it ``GD&ĐT`` would print as ``GD`` and a
tag-like value could wipe a paragraph.  Fragments built by ``ooxml`` arrive as
``Markup`` and pass through unescaped.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import jinja2

from ..errors import Problem, TemplateError
from . import template_check
from .package import TEMPLATED_PARTS
from .tags import TAGS, covered

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
#: A tag left broken by editing in Word: XML inside {{ }} after patching.
_BROKEN_TAG = re.compile(r"\{\{[^}]*<|\{%[^%]*<")
#: Headers and footers are filled in too when a template puts tags there (a letterhead).
_HEADER_OR_FOOTER = re.compile(r"^word/(header|footer)\d*\.xml$")
#: Tags whose content a document must not lose: a template without them would drop it.
CONTENT_TAGS = tuple(name for name, tag in TAGS.items() if tag.fields and name != "subject")


@dataclass(frozen=True)
class Template:
    path: Path
    parts: dict[str, bytes]  # the package's parts, copied into every render
    compiled: dict[str, jinja2.Template]  # the parts that take content
    used: frozenset[str] = frozenset()  # the tags it uses

    def render(self, context: dict) -> dict[str, bytes]:
        self._keeps_everything(context)
        parts = dict(self.parts)
        for name, template in self.compiled.items():
            try:
                parts[name] = template.render(context).encode("utf-8")
            except jinja2.TemplateError as exc:  # e.g. {{ name.x }}: the check cannot see every use
                raise TemplateError([Problem(
                    path="template", file=str(self.path), code="template-syntax", value=str(exc),
                    vi=f"Mẫu {self.path.name} ({name}) không dùng được: {exc}",
                    en=f"template {self.path.name} ({name}) cannot be used: {exc}")]) from None
        return parts

    def _keeps_everything(self, context: dict) -> None:
        """Nothing the document says is silently dropped by a template without its tag."""
        lost = [name for name in CONTENT_TAGS if context.get(name) and name not in self.used
                and not covered(name, self.used)]
        if lost:
            raise TemplateError([Problem(
                path="template", file=str(self.path), code="missing-tag", value=name,
                vi=f"Mẫu {self.path.name} không có thẻ {TAGS[name].written(name)} ({TAGS[name].vi}) mà văn bản"
                   " này có: thêm thẻ vào mẫu, hoặc dùng mẫu của đúng loại văn bản (congvan template export)",
                en=f"template {self.path.name} has no {TAGS[name].written(name)} ({TAGS[name].en}), which this"
                   " document has: add the tag, or use a template of the right type (congvan template export)")
                for name in lost])


def _patch(xml: str) -> str:
    from docxtpl import DocxTemplate  # imported here: it costs ~100 ms at start-up

    return DocxTemplate.patch_xml(DocxTemplate.__new__(DocxTemplate), xml)


def _lint(path: Path, name: str, source: str) -> None:
    """Refuse a template whose tags Word has broken, naming where."""
    match = _BROKEN_TAG.search(source)
    if match:
        snippet = re.sub(r"<[^>]+>", "", source[match.start():match.start() + 200])[:60]
        raise TemplateError([Problem(
            path="template", file=str(path), line=None, column=None, value=snippet, code="broken-tag",
            vi=f"Mẫu {path.name} ({name}) có thẻ bị Word tách hỏng gần '{snippet}': gõ lại thẻ liền một lần",
            en=f"template {path.name} ({name}) has a tag broken by Word near '{snippet}': retype the tag in one go",
        )])


def _compile(path: Path, name: str, xml: str) -> jinja2.Template:
    source = _patch(xml)
    _lint(path, name, source)
    try:
        return _ENV.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError([Problem(
            path="template", file=str(path), line=None, column=None, value=None, code="template-syntax",
            vi=f"Mẫu {path.name} ({name}) có lỗi cú pháp Jinja: {exc.message}",
            en=f"template {path.name} ({name}) has a Jinja syntax error: {exc.message}",
        )]) from None


MAX_TEMPLATE_BYTES = 20 * 1024 * 1024  # a template with a logo is well under 1 MB
MAX_TEMPLATE_PART_BYTES = 30 * 1024 * 1024
MAX_TEMPLATE_PARTS = 500


def _part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with archive.open(info) as stream:
        data = stream.read(MAX_TEMPLATE_PART_BYTES + 1)
    if len(data) > MAX_TEMPLATE_PART_BYTES:
        raise ValueError(f"{info.filename}: quá {MAX_TEMPLATE_PART_BYTES // 2**20} MB khi giải nén (zip bomb?)"
                         f" / over {MAX_TEMPLATE_PART_BYTES // 2**20} MB unpacked (a zip bomb?)")
    return data


@lru_cache(maxsize=32)
def _load(path: Path, mtime_ns: int, size: int) -> Template:
    from dataclasses import replace

    from ..files import FileRefused, read_bounded

    try:  # the input policy: a regular file, bounded; every part bounded while it inflates
        with zipfile.ZipFile(io.BytesIO(read_bounded(path, MAX_TEMPLATE_BYTES, ("mẫu", "template")))) as archive:
            parts = {info.filename: _part(archive, info) for info in archive.infolist()[:MAX_TEMPLATE_PARTS]}
    except FileRefused as exc:
        raise TemplateError([replace(p, path="template", code="unreadable") for p in exc.problems]) from None
    except (OSError, zipfile.BadZipFile, EOFError, ValueError, RuntimeError, NotImplementedError) as exc:
        raise TemplateError([Problem(
            path="template", file=str(path), line=None, column=None, value=None, code="unreadable",
            vi=f"Không đọc được mẫu {path.name}: {exc}", en=f"cannot read template {path.name}: {exc}",
        )]) from None
    sources = {name: parts[name].decode("utf-8", "replace") for name in list(parts)
               if name in TEMPLATED_PARTS or (_HEADER_OR_FOOTER.match(name) and b"{" in parts[name])}
    problems, used = template_check.check(path, sources)
    if problems:
        raise TemplateError(problems)
    compiled = {name: _compile(path, name, source) for name, source in sources.items()}
    for name in compiled:
        del parts[name]
    return Template(path, parts, compiled, frozenset(used))


def load(path: str | Path) -> Template:
    """The compiled template at path, cached until the file changes."""
    p = Path(path).resolve()
    try:
        stat = p.stat()
    except OSError as exc:
        raise TemplateError([Problem(
            path="template", file=str(path), value=str(path), code="not-found",
            vi=f"Không mở được mẫu {path}: {exc.strerror}", en=f"cannot open template {path}: {exc.strerror}",
        )]) from None
    if not p.is_file() or p.suffix.lower() not in (".docx", ".dotx"):
        raise TemplateError([Problem(
            path="template", file=str(path), value=str(path), code="not-a-docx",
            vi=f"Mẫu {path} phải là một tệp .docx", en=f"template {path} must be a .docx file",
        )])
    return _load(p, stat.st_mtime_ns, stat.st_size)
