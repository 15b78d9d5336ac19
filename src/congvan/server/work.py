"""The work of each endpoint, run in the render pool (never on the event loop).

Every function takes what the client sent as bytes and returns plain
results or raises ApiProblem: the form is parsed, validated with the
library's own messages, held to the operator's limits, then rendered.
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import profile
from ..errors import CongVanError, FormError, Problem, RenderError, TemplateError, join_path
from ..forms import FILE_FIELDS, Form, decode, file_paths_outside
from ..model import DanhSachNhiemVu, Gach, NhiemVu, VanBan, walk
from ..naming import safe_file_name
from .problems import ApiProblem, from_problems
from .requests import DOCX, form_data
from .settings import Settings

INVALID_FORM = ("Biểu mẫu không hợp lệ", "Invalid form")
MEDIA_TYPES = {"docx": DOCX, "pdf": "application/pdf", "png": "image/png", "html": "text/html; charset=utf-8",
               "zip": "application/zip"}
_TEMPLATE_NAME = re.compile(r"^\w[\w .-]{0,99}$")


@dataclass(frozen=True)
class Output:
    content: bytes
    media_type: str
    file_name: str
    warnings: tuple = ()  # LayoutWarning.to_dict() of each line the layout could not fit


def read_form(raw: bytes, content_type: str) -> Any:
    try:
        return form_data(raw, content_type)
    except FormError as exc:
        raise from_problems(400, "malformed-form", ("Nội dung gửi lên không đọc được", "Malformed request body"),
                            exc.problems) from None


def file_paths(data: Any, where: tuple = ()) -> list[Problem]:
    """Fields that name a file on the server (signature, seal): never from a client."""
    found = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in FILE_FIELDS and value not in (None, ""):
                path = join_path([*where, key])
                found.append(Problem(
                    path=path, code="file-path", vi=f"Dịch vụ không đọc tệp trên máy chủ theo đường dẫn khách gửi ({key}): bỏ trường này"
                    " khỏi biểu mẫu", en=f"the service never reads server files a client names ({key}):"
                    " leave this field out"))
            else:
                found += file_paths(value, (*where, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += file_paths(value, (*where, index))
    return found


def image_problems(data: Any, settings: Settings) -> list[Problem]:
    """Image paths are read only inside the operator's image folder; without one, not at all."""
    if settings.image_dir is None:
        return file_paths(data)
    return file_paths_outside(data, settings.image_dir)


def as_form(data: Any, settings: Settings) -> Form:
    """The request's form, its relative image paths read from the operator's folder (never the request's),
    its agency profile (``ho_so``) the profile sent or one of the operator's by name (congvan.profile)."""
    return Form(profile.attach_named(data, settings.profile_dir), folder=settings.image_dir)


def validated(data: Any, settings: Settings) -> VanBan:
    if problems := image_problems(data, settings):
        raise from_problems(422, "file-paths-not-allowed", INVALID_FORM, problems)
    try:
        return as_form(data, settings).model(VanBan)
    except FormError as exc:
        raise from_problems(422, "invalid-form", INVALID_FORM, exc.problems) from None


def one_document(doc: VanBan) -> list[Problem]:
    if not doc.danh_sach:
        return []
    return [Problem(
        path="danh_sach", code="one-document-per-request", vi="Dịch vụ tạo một văn bản cho mỗi yêu cầu: gửi mỗi dòng của danh_sach thành một yêu cầu",
        en="the service renders one document per request: send each row of danh_sach as its own request")]


def limit_problems(doc: VanBan, settings: Settings) -> list[Problem]:
    blocks = count_blocks(doc)
    if blocks <= settings.max_blocks:
        return []
    return [Problem(
        path="noi_dung", value=blocks, code="too-many-blocks",
        vi=f"Văn bản có {blocks} khối nội dung, nhiệm vụ và dòng; dịch vụ nhận tối đa {settings.max_blocks}",
        en=f"the document has {blocks} blocks, tasks and lines; the service takes at most {settings.max_blocks}")]


def count_blocks(doc: VanBan) -> int:
    """Blocks, tasks, dash items and list lines: what the render time grows with."""
    count = len(doc.kinh_gui) + len(doc.can_cu) + len(doc.noi_nhan)
    bodies = [doc.noi_dung, *(p.noi_dung for p in doc.phu_luc)]
    if doc.kem_theo is not None:
        bodies.append(doc.kem_theo.noi_dung)
    for body in bodies:
        for block in walk(body):
            count += 1
            if isinstance(block, Gach):
                count += len(block.gach)
            elif isinstance(block, DanhSachNhiemVu):
                count += _count_tasks(block.nhiem_vu)
    return count


def _count_tasks(tasks: list[NhiemVu]) -> int:
    return sum(1 + _count_tasks(t.nhiem_vu) for t in tasks)


def validate(raw: bytes, content_type: str, settings: Settings) -> dict:
    """/v1/validate: {"ok": bool, "problems": [...]}."""
    data = read_form(raw, content_type)
    if problems := image_problems(data, settings):
        return {"ok": False, "problems": [p.to_dict() for p in problems]}
    try:
        doc = as_form(data, settings).model(VanBan)
    except FormError as exc:
        problems = exc.problems
    else:
        problems = one_document(doc) + limit_problems(doc, settings)
    return {"ok": not problems, "problems": [p.to_dict() for p in problems]}


def form_as_json(raw: bytes) -> dict:
    """/v1/form: a form file's text (YAML or JSON) as the data the page edits, read by
    the library's one form reader; a malformed text is a 400 naming line and column."""
    unreadable = ("Tệp biểu mẫu không đọc được", "Unreadable form file")
    try:
        form = Form.from_text(decode(raw, None), "<form>")
    except FormError as exc:
        raise from_problems(400, "malformed-form", unreadable, exc.problems) from None
    if not isinstance(form.data, dict):
        raise from_problems(400, "malformed-form", unreadable, [Problem(
            path="", code="not-a-mapping", line=1, column=1,
            vi="Biểu mẫu phải là một nhóm trường (loai:, co_quan_ban_hanh:, …)",
            en="the form must be a mapping of fields (loai:, co_quan_ban_hanh:, …)")])
    return {"data": form.data}


def starter_data(loai: str) -> dict:
    """/v1/starter/{loai}: the commented starter form of `congvan new` as data."""
    from ..doctypes import DOC_TYPES
    from ..starter import starter

    if loai not in DOC_TYPES:
        raise ApiProblem(404, "unknown-type", ("Không có loại văn bản này", "Unknown document type"),
                         (f"Không có loại văn bản '{loai}'; xem GET /v1/types",
                          f"no document type '{loai}'; see GET /v1/types"))
    return Form.from_text(starter(loai), f"{loai}.yaml").data


def template_path(name: str | None, settings: Settings) -> Path | None:
    """The operator's template called name, never a path the client made up."""
    if name is None:
        return None
    if settings.template_dir is None:
        raise ApiProblem(403, "templates-not-allowed", ("Không được chọn mẫu", "Templates not allowed"),
                         ("Dịch vụ này không cho chọn mẫu DOCX riêng (người vận hành chưa mở --template-dir)",
                          "this service does not let clients choose a DOCX template (no --template-dir)"))
    if not _TEMPLATE_NAME.match(name) or ".." in name:
        raise ApiProblem(400, "bad-template-name", ("Tên mẫu không hợp lệ", "Invalid template name"),
                         (f"Tên mẫu '{name}' không hợp lệ: chỉ gồm chữ, số, '-', '_', '.', không có '/' hay '..'",
                          f"template name '{name}' is invalid: letters, digits, '-', '_', '.' only; no '/' or '..'"))
    file = name if name.lower().endswith(".docx") else f"{name}.docx"
    path = (settings.template_dir / file).resolve()
    if path.parent != settings.template_dir or not path.is_file():
        raise ApiProblem(404, "unknown-template", ("Không có mẫu này", "Unknown template"),
                         (f"Không có mẫu '{name}'; xem GET /v1/templates", f"no template '{name}'; see GET /v1/templates"))
    return path


def template_names(settings: Settings) -> list[str]:
    if settings.template_dir is None or not settings.template_dir.is_dir():
        return []
    return sorted(p.stem for p in settings.template_dir.glob("*.docx") if _TEMPLATE_NAME.match(p.stem))


def render(raw: bytes, content_type: str, fmt: str, template: Path | None, settings: Settings) -> Output:
    """/v1/render: the document as DOCX, PDF, a PNG of page 1, an HTML preview,
    or a ZIP of the DOCX and its appendices kept in files of their own."""
    doc = validated(read_form(raw, content_type), settings)
    if problems := one_document(doc):
        raise from_problems(422, "one-document-per-request", INVALID_FORM, problems)
    if problems := limit_problems(doc, settings):
        raise from_problems(413, "too-many-blocks", ("Văn bản vượt giới hạn của dịch vụ", "Over the service's limits"),
                            problems)
    name = file_stem(doc)
    if fmt == "html":
        from .preview import preview_html

        return Output(preview_html(doc).encode("utf-8"), MEDIA_TYPES["html"], f"{name}.html")
    if fmt in ("docx", "pdf") and (problems := separate_files(doc)):
        raise from_problems(422, "separate-appendices", ("Văn bản có nhiều tệp", "The document has several files"),
                            problems)
    try:
        packages, notes = docx_packages(doc, template, with_warnings=True)
        if fmt == "docx":
            return Output(packages[0], DOCX, f"{name}.docx", notes)
        if fmt == "zip":
            return Output(_zip(name, packages), MEDIA_TYPES["zip"], f"{name}.zip", notes)
        pdf = _pdf(packages[0])
    except TemplateError as exc:
        raise from_problems(422, "template-invalid", ("Mẫu DOCX không dùng được", "The template cannot be used"),
                            exc.problems) from None
    except RenderError as exc:
        raise from_problems(500, "render-failed", ("Không tạo được văn bản", "Render failed"), exc.problems) from None
    if fmt == "pdf":
        return Output(pdf, MEDIA_TYPES["pdf"], f"{name}.pdf", notes)
    return Output(_png(pdf, settings), MEDIA_TYPES["png"], f"{name}-trang-1.png", notes)


def docx_packages(doc: VanBan, template: Path | None, with_warnings: bool = False):
    """The document's DOCX, then one per appendix kept in a file of its own (as
    render_files writes them); with_warnings: also the layout's warnings (dicts)."""
    from ..docx import writer
    from ..layout import lay_out

    view = lay_out(doc)
    packages = [writer.render_view(view, template), *writer.appendix_packages(view)]
    if not with_warnings:
        return packages
    return packages, tuple({"path": n.where, "vi": n.vi, "en": n.en} for n in view.notices)


def separate_files(doc: VanBan) -> list[Problem]:
    return [Problem(path=f"phu_luc[{i}].tep_rieng", value=True, code="separate-file",
                    vi="Phụ lục này là tệp riêng (Mẫu 2.2): gửi 'Accept: application/zip' để nhận văn bản cùng các phụ lục",
                    en="this appendix is a file of its own (Mẫu 2.2): send 'Accept: application/zip' to get the"
                       " document with its appendices")
            for i, appendix in enumerate(doc.phu_luc) if appendix.tep_rieng]


def _zip(name: str, packages: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:  # DOCX files are compressed already
        archive.writestr(f"{name}.docx", packages[0])
        for n, data in enumerate(packages[1:], start=1):
            archive.writestr(f"{name}-phu-luc-{n}.docx", data)
    return buffer.getvalue()


def file_stem(doc: VanBan) -> str:
    so, ky_hieu = doc.so_ky_hieu
    return safe_file_name("-".join(part for part in (doc.loai, f"{so:02d}" if so else "", ky_hieu) if part), "")


def office_missing(detail_en: str) -> ApiProblem:
    return ApiProblem(503, "office-missing", ("Không tạo được PDF", "PDF unavailable"),
                      ("Máy chủ chưa cài LibreOffice nên không tạo được PDF hay ảnh trang; vẫn tải được DOCX",
                       f"the server has no LibreOffice, so no PDF or page image; DOCX still works ({detail_en})"))


def _pdf(docx: bytes) -> bytes:
    try:
        from ..pdf import ConversionFailed, OfficeMissing, docx_bytes_to_pdf
    except ImportError:
        raise office_missing("congvan.pdf is not installed") from None
    try:
        return docx_bytes_to_pdf(docx)
    except OfficeMissing as exc:
        raise office_missing(str(exc)) from None
    except ConversionFailed as exc:
        raise from_problems(500, "pdf-failed", ("Không tạo được PDF", "PDF conversion failed"), exc.problems) from None


def _png(pdf: bytes, settings: Settings) -> bytes:
    from .preview import first_page_png

    try:
        return first_page_png(pdf, settings.pdf_timeout_s)
    except FileNotFoundError:
        raise office_missing("pdftoppm (poppler-utils) is missing") from None
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise ApiProblem(500, "preview-failed", ("Không tạo được ảnh trang", "Preview failed"),
                         ("pdftoppm không tạo được ảnh trang 1", f"pdftoppm could not draw page 1: {exc}")) from None


def check_upload(raw: bytes, content_type_header: str) -> dict:
    """/v1/check: the upload is taken apart here, in the worker pool, not on the event loop."""
    from .requests import uploaded_file

    return check(uploaded_file(raw, content_type_header))


def check(upload: bytes) -> dict:
    """/v1/check: the checker's findings on an uploaded DOCX."""
    from ..checker import UnreadableDocument, check as check_document

    try:
        report = check_document(upload)
    except UnreadableDocument as exc:
        raise from_problems(422, "unreadable-document", ("Không đọc được tệp", "Unreadable document"),
                            exc.problems) from None
    except CongVanError as exc:
        raise from_problems(422, "unreadable-document", ("Không đọc được tệp", "Unreadable document"),
                            exc.problems) from None
    return {"ok": report.ok, **report.to_dict()}
