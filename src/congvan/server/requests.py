"""Reading what a client sends: bounded bodies, JSON forms, DOCX uploads, Accept.

Nothing here trusts the client: the body is refused by its declared size
before it is read and counted again while it streams in; a form is JSON
(or YAML) text parsed by the library's own reader, so errors carry the
library's bilingual messages with line and column.
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
from typing import Any

from fastapi import Request
from starlette.requests import ClientDisconnect

from ..errors import FormError, Problem
from ..forms import decode, parse
from ..parsing import parse_json
from .problems import ApiProblem

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: Output formats of /v1/render, by media type, in order of preference for wildcards.
#: zip: the document with its appendices kept in files of their own (Mẫu 2.2).
FORMATS = {DOCX: "docx", "application/pdf": "pdf", "image/png": "png", "text/html": "html", "application/zip": "zip"}
JSON_TYPES = ("application/json", "text/json")
YAML_TYPES = ("application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml")


def too_large(limit: int) -> ApiProblem:
    kb = limit // 1024
    return ApiProblem(
        413, "request-too-large", ("Yêu cầu quá lớn", "Content too large"),
        (f"Nội dung gửi lên lớn hơn giới hạn {kb} KB của dịch vụ",
         f"the request body is larger than the service's limit of {kb} KB"),
    )


class ClientGone(Exception):
    """The client closed the connection before its body arrived: nobody to answer."""


def body_timeout(seconds: float) -> ApiProblem:
    return ApiProblem(408, "body-timeout", ("Gửi quá chậm", "Request timeout"),
                      (f"Nội dung yêu cầu không đến đủ trong {seconds:g} giây", f"the request body did not arrive"
                       f" within {seconds:g} s"), headers={"Connection": "close"})


async def read_body(request: Request, limit: int, timeout: float | None = None) -> bytes:
    """The whole body, refused (413) as soon as it is known to exceed limit, and
    (408) when it has not all arrived within ``timeout`` seconds (default: the
    app's ``body_timeout_s``): a slow client holds a connection, never the service."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise ApiProblem(400, "bad-content-length", ("Yêu cầu không hợp lệ", "Bad request"),
                             ("Content-Length không phải là số", "Content-Length is not a number"))
        if int(declared) > limit:
            raise too_large(limit)
    if timeout is None:
        settings = getattr(request.app.state, "settings", None)
        timeout = getattr(settings, "body_timeout_s", 15.0)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    chunks, size = [], 0
    stream = request.stream().__aiter__()
    while True:
        try:
            chunk = await asyncio.wait_for(stream.__anext__(), max(0.0, deadline - loop.time()))
        except StopAsyncIteration:
            break
        except asyncio.TimeoutError:
            raise body_timeout(timeout) from None
        except ClientDisconnect:
            raise ClientGone from None
        size += len(chunk)
        if size > limit:  # chunked bodies declare no size: count while they stream
            raise too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def form_data(raw: bytes, content_type: str) -> Any:
    """The form in a request body as plain data (FormError → 400 by the caller)."""
    if content_type and content_type not in JSON_TYPES + YAML_TYPES and not content_type.endswith("+json"):
        raise ApiProblem(
            415, "unsupported-media-type", ("Kiểu dữ liệu không được hỗ trợ", "Unsupported media type"),
            (f"Biểu mẫu phải gửi dạng JSON (Content-Type: application/json), không phải {content_type}",
             f"send the form as JSON (Content-Type: application/json), not {content_type}"),
        )
    if not raw.strip():
        raise FormError([Problem(path="", vi="Nội dung yêu cầu trống: hãy gửi biểu mẫu JSON",
                                 en="the request body is empty: send the form as JSON", code="empty-form")])
    text = decode(raw, None)
    if content_type in YAML_TYPES:
        return parse(text, None)[0]
    return _json(text)


def _json(text: str) -> Any:
    """The library's JSON reader: numbers, depth and size guarded while reading."""
    return parse_json(text, None)[0]


#: Parts a /v1/check upload may have: the file and perhaps a field or two.
MAX_UPLOAD_PARTS = 16


def uploaded_file(raw: bytes, content_type_header: str) -> bytes:
    """The DOCX in a /v1/check request: the raw body, or the file part of a
    multipart form.  Runs in the worker pool, never on the event loop; a form of
    thousands of parts, nested forms or broken ones are a 400, not a stall or a 500."""
    if not content_type_header.lower().startswith("multipart/form-data"):
        return raw
    boundary = _boundary(content_type_header)
    if boundary is None or raw.count(b"--" + boundary) > MAX_UPLOAD_PARTS + 1:
        raise _bad_multipart(f"tối đa {MAX_UPLOAD_PARTS} phần, có ranh giới (boundary) rõ ràng",
                             f"at most {MAX_UPLOAD_PARTS} parts, with a boundary")
    try:
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            b"Content-Type: " + content_type_header.encode("latin-1") + b"\r\n\r\n" + raw)
        parts = list(message.iter_parts()) if message.is_multipart() else []
        if any(p.is_multipart() for p in parts):
            raise _bad_multipart("không lồng biểu mẫu trong biểu mẫu", "no multipart inside a part")
        files = [p for p in parts if p.get_param("filename", header="content-disposition") is not None]
        named = [p for p in parts if p.get_param("name", header="content-disposition") == "file"]
        chosen = (named or files)[:1]
        payload = chosen[0].get_payload(decode=True) if chosen else None
    except ApiProblem:
        raise
    except (RecursionError, ValueError, LookupError, TypeError, UnicodeError, AttributeError) as exc:
        raise _bad_multipart(f"không đọc được ({type(exc).__name__})", f"unreadable ({type(exc).__name__})") from None
    if not chosen:
        raise ApiProblem(
            400, "no-file", ("Thiếu tệp", "No file"),
            ("Biểu mẫu gửi lên không có tệp DOCX (trường 'file')",
             "the multipart form carries no DOCX file (field 'file')"),
        )
    return payload or b""


def _boundary(content_type_header: str) -> bytes | None:
    for param in content_type_header.split(";")[1:]:
        key, _, value = param.strip().partition("=")
        if key.strip().lower() == "boundary" and value.strip().strip('"'):
            return value.strip().strip('"').encode("latin-1", "replace")
    return None


def _bad_multipart(vi: str, en: str) -> ApiProblem:
    return ApiProblem(400, "bad-multipart", ("Biểu mẫu tải lên không hợp lệ", "Malformed multipart upload"),
                      (f"Biểu mẫu multipart không hợp lệ: {vi}", f"malformed multipart form: {en}"))


def negotiate(accept: str | None) -> str:
    """The output format the client accepts best: docx, pdf, png or html (406 if none)."""
    ranges = []
    for position, item in enumerate((accept or "*/*").split(",")):
        kind, *params = [p.strip() for p in item.split(";")]
        quality = 1.0
        for param in params:
            if param.lower().startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if kind and quality > 0:
            ranges.append((-quality, position, kind.lower()))
    for _, _, kind in sorted(ranges):
        for media, fmt in FORMATS.items():
            if kind in (media, "*/*", media.split("/")[0] + "/*"):
                return fmt
    offered = ", ".join(FORMATS)
    raise ApiProblem(
        406, "not-acceptable", ("Không có định dạng được yêu cầu", "Not acceptable"),
        (f"Dịch vụ chỉ trả về: {offered}", f"the service answers only with: {offered}"),
    )
