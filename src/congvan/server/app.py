"""The HTTP service: forms in, DOCX/PDF out, with the library's rules and messages.

    from congvan.server import Settings, create_app
    app = create_app(Settings(max_blocks=500))     # any ASGI server can run it

Endpoints (all JSON unless said): ``POST /v1/render`` (form → DOCX, or PDF,
page-1 PNG or HTML preview by ``Accept``), ``POST /v1/validate`` (form →
``{"ok", "problems"}``), ``POST /v1/check`` (DOCX upload → findings),
``POST /v1/form`` (a form file's YAML/JSON text → its data), ``GET /v1/starter/{loai}``,
``GET /v1/schema``, ``GET /v1/types``, ``GET /v1/templates``, ``GET /healthz``,
and the clerk's web page at ``/``.  Errors are RFC 9457 problem details.
"""

from __future__ import annotations

import json
import logging
import shutil
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import Problem
from . import work
from .guard import HostGuard
from .pool import PoolBusy, PoolMemory, PoolTimeout, RenderPool, WorkerLost
from .problems import MEDIA_TYPE, ApiProblem, http_problem
from .requests import DOCX, FORMATS, ClientGone, media_type, negotiate, read_body
from .settings import Settings

STATIC = Path(__file__).resolve().parent / "static"
#: The page loads nothing from elsewhere; previews are blob: images or sandboxed srcdoc frames.
PAGE_CSP = ("default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; "
            "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'")
log = logging.getLogger("congvan.server")


class ProblemDetails(BaseModel):
    """RFC 9457 problem details, with Vietnamese detail and English detail_en."""

    type: str
    title: str
    status: int
    detail: str
    detail_en: str
    problems: list[Problem] = []


class ValidationResult(BaseModel):
    ok: bool
    problems: list[Problem]


_ERRORS = {status: {"model": ProblemDetails, "content": {MEDIA_TYPE: {}}} for status in (400, 413, 415, 422, 503)}
_FORM_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"$ref": "#/components/schemas/VanBan"}},
    "application/yaml": {"schema": {"$ref": "#/components/schemas/VanBan"}},
}}}
_BINARY = {"schema": {"type": "string", "format": "binary"}}


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    if settings.template_dir is not None and not settings.template_dir.is_dir():
        raise ValueError(f"Không có thư mục mẫu {settings.template_dir} / no template directory {settings.template_dir}")
    pool = RenderPool(settings.pool_threads, settings.pool_queue, settings.worker_memory_mb * 2**20)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        pool.shutdown()

    app = FastAPI(
        title="congvan", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
        description="Soạn văn bản hành chính đúng thể thức NĐ 30/2020/NĐ-CP qua HTTP"
                    " / draft Vietnamese administrative documents (Decree 30/2020) over HTTP",
    )
    app.state.settings, app.state.pool = settings, pool
    _handlers(app)
    _routes(app, settings, pool)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(HostGuard, allowed=settings.allowed_hosts)
    app.openapi = lambda: _openapi(app)
    return app


def app_from_env() -> FastAPI:
    """Factory for uvicorn worker processes: settings come from CONGVAN_SERVER_SETTINGS."""
    return create_app(Settings.from_env())


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiProblem)
    async def api_problem(request: Request, exc: ApiProblem):
        return exc.response(request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return http_problem(exc.status_code, str(exc.detail), dict(exc.headers or {})).response(request.url.path)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, exc: RequestValidationError):
        names = ", ".join(".".join(str(p) for p in e["loc"]) for e in exc.errors())
        return ApiProblem(400, "bad-parameters", ("Tham số không hợp lệ", "Invalid parameters"),
                          (f"Tham số không hợp lệ: {names}", f"invalid parameters: {names}")).response(request.url.path)

    @app.exception_handler(ClientGone)
    async def client_gone(request: Request, _exc: ClientGone):
        log.debug("client left before its request arrived: %s", request.url.path)  # not an error of ours
        return Response(status_code=400, headers={"Connection": "close"})

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return http_problem(500, "unexpected error; the service keeps running").response(request.url.path)


async def _in_pool(pool: RenderPool, settings: Settings, timeout: float, fn, *args):
    retry = {"Retry-After": str(settings.retry_after_s)}
    try:
        return await pool.run(timeout, fn, *args)
    except PoolBusy:
        raise ApiProblem(503, "busy", ("Dịch vụ đang bận", "Service busy"),
                         (f"Dịch vụ đang xử lý {pool.capacity} yêu cầu; thử lại sau {settings.retry_after_s} giây",
                          f"the service is handling {pool.capacity} requests; retry in {settings.retry_after_s} s"),
                         headers=retry) from None
    except PoolTimeout:
        raise ApiProblem(503, "timeout", ("Quá thời gian xử lý", "Render timed out"),
                         (f"Không xong trong {timeout:g} giây (việc đã bị dừng); thử lại sau",
                          f"not done within {timeout:g} s (the work was stopped); retry later"),
                         headers=retry) from None
    except PoolMemory:
        mb = settings.worker_memory_mb
        raise ApiProblem(413, "too-much-memory", ("Yêu cầu cần quá nhiều bộ nhớ", "Request needs too much memory"),
                         (f"Xử lý yêu cầu này cần hơn {mb} MB bộ nhớ, giới hạn của dịch vụ",
                          f"this request needs more than the service's {mb} MB of memory")) from None
    except WorkerLost:
        raise ApiProblem(503, "worker-lost", ("Tiến trình xử lý bị dừng", "Worker stopped"),
                         ("Tiến trình xử lý yêu cầu bị dừng đột ngột; thử lại sau",
                          "the process handling the request stopped unexpectedly; retry later"), headers=retry) from None


def _disposition(kind: str, file_name: str) -> str:
    ascii_name = file_name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name)}"


def _routes(app: FastAPI, settings: Settings, pool: RenderPool) -> None:
    @app.get("/", include_in_schema=False)
    async def page():
        return FileResponse(STATIC / "index.html", headers={"Content-Security-Policy": PAGE_CSP})

    @app.get("/healthz", tags=["service"], summary="Tình trạng dịch vụ / health")
    async def healthz():
        return {"status": "ok", "version": __version__, "office": _office_available(),
                "pool": {"threads": pool.threads, "capacity": pool.capacity, "in_flight": pool.in_flight},
                "limits": {"max_request_bytes": settings.max_request_bytes, "max_blocks": settings.max_blocks,
                           "render_timeout_s": settings.render_timeout_s, "pdf_timeout_s": settings.pdf_timeout_s}}

    @app.get("/v1/schema", tags=["form"], summary="JSON Schema của biểu mẫu / the form's JSON Schema")
    async def schema():
        return JSONResponse(_form_schema())

    @app.get("/v1/types", tags=["form"], summary="Các loại văn bản / document types")
    async def types():
        return JSONResponse(_types())

    @app.get("/v1/starter/{loai}", tags=["form"],
             summary="Biểu mẫu khởi đầu của một loại (như congvan new) / a type's starter form, as data")
    async def starter(loai: str):
        return JSONResponse(await _in_pool(pool, settings, settings.render_timeout_s, work.starter_data, loai))

    @app.post("/v1/form", tags=["form"], summary="Tệp biểu mẫu YAML/JSON → dữ liệu JSON / a form file's text as data",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/yaml": {"schema": {"type": "string"}}, "application/json": {"schema": {}}}}},
              responses=_ERRORS)
    async def form_file(request: Request):
        raw = await read_body(request, settings.max_request_bytes)
        return JSONResponse(await _in_pool(pool, settings, settings.render_timeout_s, work.form_as_json, raw))

    @app.get("/v1/templates", tags=["form"], summary="Mẫu DOCX được phép / allowed templates")
    async def templates():
        return {"templates": work.template_names(settings)}

    @app.post("/v1/validate", tags=["form"], openapi_extra=_FORM_BODY,
              summary="Kiểm tra biểu mẫu / validate a form",
              responses={200: {"model": ValidationResult}, **_ERRORS})
    async def validate(request: Request):
        raw = await read_body(request, settings.max_request_bytes)
        result = await _in_pool(pool, settings, settings.render_timeout_s, work.validate, raw, media_type(request), settings)
        return JSONResponse(result)

    @app.post("/v1/render", tags=["form"], openapi_extra=_FORM_BODY,
              summary="Biểu mẫu → DOCX (hoặc PDF, ảnh trang 1, HTML theo Accept) / form → DOCX, PDF, PNG or HTML",
              response_class=Response,
              responses={200: {"content": {m: _BINARY for m in FORMATS}}, 403: _ERRORS[400], 404: _ERRORS[400],
                         406: _ERRORS[400], 500: _ERRORS[400], **_ERRORS})
    async def render(request: Request, template: str | None = Query(
            None, description="Tên mẫu DOCX trong thư mục người vận hành cho phép / an operator-allowed template")):
        fmt = negotiate(request.headers.get("accept"))
        path = work.template_path(template, settings)
        raw = await read_body(request, settings.max_request_bytes)
        timeout = settings.render_timeout_s if fmt in ("docx", "html") else settings.pdf_timeout_s
        out = await _in_pool(pool, settings, timeout, work.render, raw, media_type(request), fmt, path, settings)
        kind = "attachment" if fmt in ("docx", "pdf") else "inline"
        headers = {"Content-Disposition": _disposition(kind, out.file_name), "X-Content-Type-Options": "nosniff"}
        if fmt == "html":
            headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
        if out.warnings:  # lines the layout could not fit: JSON, ASCII-escaped (headers are Latin-1)
            headers["X-Congvan-Warnings"] = json.dumps(list(out.warnings), ensure_ascii=True)
        return Response(out.content, media_type=out.media_type, headers=headers)

    @app.post("/v1/check", tags=["check"], summary="Kiểm tra thể thức tệp DOCX / check a DOCX",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                      "file": {"type": "string", "format": "binary"}}}},
                  DOCX: _BINARY, "application/octet-stream": _BINARY}}},
              responses=_ERRORS)
    async def check(request: Request):
        raw = await read_body(request, settings.max_request_bytes)
        content_type = request.headers.get("content-type", "")  # multipart is parsed in the pool, not here
        return JSONResponse(await _in_pool(pool, settings, settings.render_timeout_s, work.check_upload, raw,
                                           content_type))


def _office_available() -> bool:
    return bool((shutil.which("soffice") or shutil.which("libreoffice")) and shutil.which("pdftoppm"))


@lru_cache(maxsize=1)
def _form_schema() -> dict:
    from ..schema import form_schema

    return form_schema()


@lru_cache(maxsize=1)
def _types() -> list[dict]:
    from ..doctypes import DOC_TYPES, OWN_PARTS

    return [{"loai": t.slug, "viet_tat": t.abbreviation, "ten": t.name, "mau": t.mau,
             "phan_rieng": [f for f, owners in OWN_PARTS.items() if t.slug in owners]} for t in DOC_TYPES.values()]


def _openapi(app: FastAPI) -> dict:
    """FastAPI's description of the routes, with the form model's own schema as VanBan."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    form = json.loads(json.dumps(_form_schema()))
    defs = form.pop("$defs", {})
    form.pop("$schema", None)
    form.pop("$id", None)
    text = json.dumps({"VanBan": form, **defs}, ensure_ascii=False).replace('"#/$defs/', '"#/components/schemas/')
    schema.setdefault("components", {}).setdefault("schemas", {}).update(json.loads(text))
    app.openapi_schema = schema
    return schema
