"""The HTTP service, started for real with uvicorn on a loopback port and
spoken to over HTTP: every endpoint, every kind of bad input (each answered
with the right 4xx and a bilingual problem, the service still serving
afterwards), the pool's limits, and a concurrent burst."""

from __future__ import annotations

import http.client
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import docx
import pytest
import yaml

from conftest import EXAMPLES, ROOT


def _need_server_extra():
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        message = "the server extra is missing: pip install '.[server]'"
        if os.environ.get("CI") or os.environ.get("CONGVAN_REQUIRE_OFFICE"):
            pytest.fail(message)
        pytest.skip(message, allow_module_level=True)


_need_server_extra()

import uvicorn  # noqa: E402

import congvan  # noqa: E402
from congvan.docx.writer import template_path  # noqa: E402
from congvan.forms import FILE_FIELDS, validate_data  # noqa: E402
from congvan.server import Settings, create_app  # noqa: E402
from congvan.server.requests import DOCX, negotiate  # noqa: E402

CONG_VAN = EXAMPLES / "000-cong-van-bcd-dak-lak-2022.yaml"
KE_HOACH = EXAMPLES / "003-ke-hoach-ubnd-khanh-hoa-2025.yaml"
PROBLEM = "application/problem+json"


def form(path: Path = CONG_VAN) -> dict:
    from congvan.forms import load_form

    data, _ = load_form(path)
    return data


class Service:
    """A uvicorn server for one app, in a background thread, on a free loopback port."""

    def __init__(self, app):
        self.app = app
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "Service":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "the service did not start"
            time.sleep(0.02)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.sock.close()

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
                timeout: float = 120):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def post_json(self, path: str, data, accept: str | None = None):
        headers = {"Content-Type": "application/json"}
        if accept:
            headers["Accept"] = accept
        return self.request("POST", path, json.dumps(data, ensure_ascii=False).encode("utf-8"), headers)

    def get_json(self, path: str):
        status, headers, body = self.request("GET", path)
        assert status == 200, body
        return json.loads(body)


@pytest.fixture(scope="module")
def template_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("mau")
    shutil.copy(template_path("1.5"), folder / "cong-van-rieng.docx")
    (folder.parent / "ngoai.docx").write_bytes(template_path("1.5").read_bytes())  # outside: never reachable
    return folder


@pytest.fixture(scope="module")
def service(template_dir):
    with Service(create_app(Settings(template_dir=template_dir))) as running:
        yield running


def problem_of(status, headers, body, expected_status: int, kind: str) -> dict:
    assert status == expected_status, body[:500]
    assert headers["content-type"].startswith(PROBLEM)
    problem = json.loads(body)
    assert problem["status"] == expected_status
    assert problem["type"].endswith("/" + kind), problem["type"]
    assert " / " in problem["title"]  # Vietnamese / English
    assert problem["detail"] and problem["detail_en"] and problem["detail"] != problem["detail_en"]
    return problem


def still_serving(service: Service) -> None:
    status, headers, body = service.post_json("/v1/render", form())
    assert status == 200 and body[:2] == b"PK"


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return "\n".join(p.text for p in paragraphs)


# --- the read-only endpoints ------------------------------------------------------------------

def test_healthz_reports_version_and_limits(service):
    health = service.get_json("/healthz")
    assert health["status"] == "ok" and health["version"] == congvan.__version__
    assert health["limits"]["max_request_bytes"] == Settings().max_request_bytes
    assert health["pool"]["capacity"] == Settings().pool_threads + Settings().pool_queue
    assert isinstance(health["office"], bool)


def test_types_lists_the_29_document_types(service):
    types = service.get_json("/v1/types")
    assert len(types) == 29
    by_slug = {t["loai"]: t for t in types}
    assert by_slug["ke-hoach"]["viet_tat"] == "KH" and by_slug["ke-hoach"]["ten"] == "Kế hoạch"
    assert not by_slug["cong-van"]["viet_tat"]


def test_schema_is_the_form_schema_of_the_model(service):
    from congvan.schema import form_schema

    assert service.get_json("/v1/schema") == json.loads(json.dumps(form_schema()))


def test_openapi_body_of_render_is_van_ban(service):
    spec = service.get_json("/openapi.json")
    for path in ("/v1/render", "/v1/validate"):
        body = spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        assert body == {"$ref": "#/components/schemas/VanBan"}
    schemas = spec["components"]["schemas"]
    assert {"loai", "co_quan_ban_hanh", "noi_dung", "nguoi_ky"} <= set(schemas["VanBan"]["properties"])
    assert schemas["VanBan"]["properties"]["co_quan_ban_hanh"]["title"] == "Cơ quan ban hành"
    refs = set()

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                refs.add(node["$ref"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    missing = [r for r in refs if r.split("/")[-1] not in schemas]
    assert not missing and all(r.startswith("#/components/schemas/") for r in refs)
    assert {"/v1/check", "/v1/schema", "/v1/types", "/healthz"} <= set(spec["paths"])


def test_templates_lists_only_the_operators_directory(service):
    assert service.get_json("/v1/templates") == {"templates": ["cong-van-rieng"]}


# --- render -----------------------------------------------------------------------------------

@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem[:3])
def test_render_docx_is_the_librarys_docx(service, example):
    data = without_files(form(example))
    status, headers, body = service.post_json("/v1/render", data)
    assert status == 200, body[:500]
    assert headers["content-type"] == DOCX
    assert headers["content-disposition"].startswith("attachment;") and ".docx" in headers["content-disposition"]
    assert body == congvan.render_bytes(validate_data(congvan.VanBan, data))  # same form, same bytes


def without_files(data):
    if isinstance(data, dict):
        return {k: without_files(v) for k, v in data.items() if k not in FILE_FIELDS}
    if isinstance(data, list):
        return [without_files(v) for v in data]
    return data


@pytest.mark.parametrize("path", ["/etc/passwd", "../../anh/dau.png", str(EXAMPLES / "anh" / "dau.png")])
def test_server_file_paths_from_a_client_are_refused_unread(service, path):
    data = form()
    data["nguoi_ky"]["anh_dau"] = path
    problem = problem_of(*service.post_json("/v1/render", data), 422, "file-paths-not-allowed")
    assert [p["path"] for p in problem["problems"]] == ["nguoi_ky.anh_dau"]
    assert "PNG" not in json.dumps(problem)  # refused before anything was read: no oracle of what exists
    result = json.loads(service.post_json("/v1/validate", data)[2])
    assert result["ok"] is False and result["problems"][0]["path"] == "nguoi_ky.anh_dau"


def test_appendices_in_files_of_their_own_come_as_a_zip(service):
    data = form(KE_HOACH)
    data["phu_luc"] = [{"tieu_de": "Danh mục nhiệm vụ", "bang_nhiem_vu": True, "tep_rieng": True}]
    problem = problem_of(*service.post_json("/v1/render", data), 422, "separate-appendices")
    assert problem["problems"][0]["path"] == "phu_luc[0].tep_rieng" and "application/zip" in problem["detail"]
    status, headers, body = service.post_json("/v1/render", data, accept="application/zip")
    assert status == 200 and headers["content-type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        names = archive.namelist()
        assert names == ["ke-hoach-KH-UBND.docx", "ke-hoach-KH-UBND-phu-luc-1.docx"]
        assert archive.read(names[0]) == congvan.render_bytes(validate_data(congvan.VanBan, data))
        assert "DANH MỤC NHIỆM VỤ" in docx_text(archive.read(names[1]))


def test_render_accepts_yaml_too(service):
    status, headers, body = service.request("POST", "/v1/render", CONG_VAN.read_bytes(),
                                            {"Content-Type": "application/yaml"})
    assert status == 200 and body == congvan.render_bytes(congvan.load(CONG_VAN))


def test_render_html_preview_escapes_user_text(service):
    data = form()
    data["trich_yeu"] = "về <script>alert(1)</script> & GD&ĐT"
    status, headers, body = service.post_json("/v1/render", data, accept="text/html")
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode("utf-8")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; GD&amp;ĐT" in page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "VÕ VĂN CẢNH" not in page and "Võ Văn Cảnh" in page
    assert "default-src 'none'" in headers["content-security-policy"]


def test_render_pdf_and_page_image(service, soffice):
    import pdfplumber

    status, headers, body = service.post_json("/v1/render", form(KE_HOACH), accept="application/pdf")
    assert status == 200, body[:500]
    assert headers["content-type"] == "application/pdf" and body.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pdf.pages[0].extract_text()
    status, headers, body = service.post_json("/v1/render", form(KE_HOACH), accept="image/png")
    assert status == 200 and headers["content-type"] == "image/png" and body.startswith(b"\x89PNG")
    width, height = int.from_bytes(body[16:20], "big"), int.from_bytes(body[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.01  # one A4 page


def test_render_refuses_formats_it_cannot_make(service):
    problem = problem_of(*service.post_json("/v1/render", form(), accept="application/json"), 406, "not-acceptable")
    assert "application/pdf" in problem["detail"]


@pytest.mark.parametrize("accept, fmt", [
    (None, "docx"), ("*/*", "docx"), ("application/pdf", "pdf"), ("application/pdf;q=0.5, text/html", "html"),
    ("image/*", "png"), (f"{DOCX}, application/pdf;q=0.9", "docx"), ("application/*;q=0.2, image/png", "png"),
])
def test_accept_negotiation(accept, fmt):
    assert negotiate(accept) == fmt


# --- validate ---------------------------------------------------------------------------------

def test_validate_a_good_form(service):
    status, _, body = service.post_json("/v1/validate", form(KE_HOACH))
    assert status == 200 and json.loads(body) == {"ok": True, "problems": []}


def test_validate_names_every_wrong_field(service):
    data = form()
    data.update(so="abc", ngay="31/02/2024", kinh_gui=[])
    data["nguoi_ky"] = {"chuc_vu": "Trưởng ban"}
    status, _, body = service.post_json("/v1/validate", data)
    result = json.loads(body)
    assert status == 200 and result["ok"] is False
    paths = {p["path"] for p in result["problems"]}
    assert {"so", "ngay", "nguoi_ky.ho_ten"} <= paths
    so = next(p for p in result["problems"] if p["path"] == "so")
    assert so["vi"].startswith("Phải là số nguyên") and "whole number" in so["en"] and so["value"] == "abc"


def test_validate_reports_a_missing_rule_of_the_type(service):
    data = form()
    data["kinh_gui"] = []
    result = json.loads(service.post_json("/v1/validate", data)[2])
    problem = next(p for p in result["problems"] if p["path"] == "kinh_gui")
    assert "Phụ lục I §II.9.a" in problem["vi"] and "addressees" in problem["en"]


def test_the_pages_samples_are_valid_forms(service):
    for loai in ("cong-van", "ke-hoach"):
        status, _, sample = service.request("GET", f"/static/vi-du/{loai}.json")
        assert status == 200
        data = json.loads(sample)
        assert data["loai"] == loai
        assert json.loads(service.post_json("/v1/validate", data)[2]) == {"ok": True, "problems": []}


# --- bad input --------------------------------------------------------------------------------

def test_malformed_json_is_400_with_line_and_column(service):
    body = b'{\n  "loai": "cong-van",\n  "so": 5,,\n}'
    problem = problem_of(*service.request("POST", "/v1/render", body, {"Content-Type": "application/json"}),
                         400, "malformed-form")
    assert problem["detail"].startswith("Lỗi cú pháp JSON") and problem["detail_en"].startswith("JSON syntax error")
    assert (problem["problems"][0]["line"], problem["problems"][0]["column"]) == (3, 11)
    still_serving(service)


@pytest.mark.parametrize("body, words", [
    (b"", ["trống", "empty"]),
    ('{"loai": "cong-van", "loai": "ke-hoach"}'.encode(), ["loai", "lặp", "duplicate"]),
    (b'{"trich_yeu": "H\xe0 N\xf4i"}', ["UTF-8"]),
    (b'{"so": NaN}', ["NaN"]),
], ids=["empty", "duplicate-key", "not-utf8", "nan"])
def test_unreadable_bodies_are_400(service, body, words):
    for path in ("/v1/render", "/v1/validate"):
        problem = problem_of(*service.request("POST", path, body, {"Content-Type": "application/json"}),
                             400, "malformed-form")
        text = json.dumps(problem, ensure_ascii=False)
        assert all(w in text for w in words), text
    still_serving(service)


def test_wrong_types_are_422_naming_the_fields(service):
    data = form()
    data.update(so="năm", kinh_gui="Sở Tư pháp", noi_dung=[{"khoan": 5, "bogus": 1}], co_chu=14)
    problem = problem_of(*service.post_json("/v1/render", data), 422, "invalid-form")
    paths = {p["path"] for p in problem["problems"]}
    assert {"so", "kinh_gui", "co_chu"} <= paths and any(p.startswith("noi_dung[0]") for p in paths)
    assert all(p["vi"] and p["en"] and p["vi"] != p["en"] for p in problem["problems"])
    assert "lỗi khác" in problem["detail"] and "more" in problem["detail_en"]
    still_serving(service)


def test_a_form_that_is_not_a_mapping_is_422(service):
    problem = problem_of(*service.post_json("/v1/render", ["loai", "cong-van"]), 422, "invalid-form")
    assert "nhóm trường" in problem["detail"] and "mapping" in problem["detail_en"]


def test_wrong_content_type_is_415(service):
    problem = problem_of(*service.request("POST", "/v1/render", json.dumps(form()).encode(),
                                          {"Content-Type": "text/plain"}), 415, "unsupported-media-type")
    assert "application/json" in problem["detail"]
    still_serving(service)


def open_json_post(service, path: str, header: tuple[str, str]) -> http.client.HTTPConnection:
    """A POST whose headers are sent and whose body is left to the test."""
    conn = http.client.HTTPConnection("127.0.0.1", service.port, timeout=30)
    conn.putrequest("POST", path)
    conn.putheader("Content-Type", "application/json")
    conn.putheader(*header)
    conn.endheaders()
    return conn


def answer(conn: http.client.HTTPConnection) -> tuple[int, dict, bytes]:
    response = conn.getresponse()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()


def test_oversized_body_is_refused_by_its_declared_length(service):
    conn = open_json_post(service, "/v1/render", ("Content-Length", str(Settings().max_request_bytes + 1)))
    # not one byte of the body is sent: the answer must not wait for it
    problem = problem_of(*answer(conn), 413, "request-too-large")
    conn.close()
    assert "2048 KB" in problem["detail"]
    still_serving(service)


def test_oversized_chunked_body_is_refused_while_it_streams(service):
    conn = open_json_post(service, "/v1/validate", ("Transfer-Encoding", "chunked"))
    chunk = b'"' + b"x" * 65536 + b'",'
    sent = 0
    try:
        conn.send(b'e\r\n{"noi_dung": [\r\n')
        while sent < 2 * Settings().max_request_bytes:  # the server must stop us well before this
            conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            sent += len(chunk)
    except (BrokenPipeError, ConnectionResetError):
        pass
    problem_of(*answer(conn), 413, "request-too-large")
    conn.close()
    still_serving(service)


def test_too_many_blocks_is_413_and_a_validation_problem(service):
    data = form()
    data["noi_dung"] = [f"Đoạn {i}." for i in range(Settings().max_blocks + 1)]
    problem = problem_of(*service.post_json("/v1/render", data), 413, "too-many-blocks")
    assert problem["problems"][0]["path"] == "noi_dung" and str(Settings().max_blocks) in problem["detail"]
    result = json.loads(service.post_json("/v1/validate", data)[2])
    assert result["ok"] is False and result["problems"][0]["path"] == "noi_dung"
    still_serving(service)


def test_a_mail_merge_form_is_one_request_per_document(service):
    data = form()
    data["danh_sach"] = [{"ten": "A"}, {"ten": "B"}]
    problem = problem_of(*service.post_json("/v1/render", data), 422, "one-document-per-request")
    assert problem["problems"][0]["path"] == "danh_sach"


@pytest.mark.parametrize("name, status, kind", [
    ("../ngoai", 400, "bad-template-name"),
    ("..%2Fngoai", 400, "bad-template-name"),
    ("%2Fetc%2Fpasswd", 400, "bad-template-name"),
    ("mau/../../ngoai", 400, "bad-template-name"),
    ("..", 400, "bad-template-name"),
    ("khong-co", 404, "unknown-template"),
])
def test_template_names_cannot_leave_the_operators_directory(service, name, status, kind):
    problem = problem_of(*service.post_json(f"/v1/render?template={name}", form()), status, kind)
    assert "template" in problem["detail_en"]
    still_serving(service)


def test_an_allowed_template_is_used(service, template_dir):
    status, _, body = service.post_json("/v1/render?template=cong-van-rieng", form())
    assert status == 200
    assert body == congvan.render_bytes(congvan.load(CONG_VAN), template_dir / "cong-van-rieng.docx")


def test_templates_are_refused_without_an_operator_directory():
    with Service(create_app(Settings())) as bare:
        problem = problem_of(*bare.post_json("/v1/render?template=cong-van-rieng", form()), 403,
                             "templates-not-allowed")
        assert "--template-dir" in problem["detail"]
        assert bare.get_json("/v1/templates") == {"templates": []}


def test_jinja_in_user_text_prints_literally(service):
    data = form()
    jinja = ["{{ 7*7 }}", "{% for x in range(3) %}{{ x }}{% endfor %}", "{# note #}", "{{ config }}"]
    data["trich_yeu"] = f"về việc {jinja[0]} và {jinja[1]}"
    data["kinh_gui"] = [jinja[2], "Sở {{ self.__init__.__globals__ }}"]
    data["noi_dung"] = [f"Đoạn có {jinja[3]} và {{%p if 1 %}} ở giữa.", {"gach": ["{{ 7*7 }} gạch"]}]
    status, _, body = service.post_json("/v1/render", data)
    assert status == 200, body[:500]
    text = docx_text(body)
    flat = text.replace("\n", " ")  # the V/v line breaks at balanced points inside its paragraph
    for snippet in jinja + ["{{ self.__init__.__globals__ }}", "{%p if 1 %}", "{{ 7*7 }} gạch"]:
        assert snippet in flat, snippet
    assert "49" not in text and "012" not in text


def test_non_docx_uploads_to_check_are_422(service):
    not_docx = {
        "text": b"hello, this is not a document",
        "png": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
        "zip-without-document": _zip({"hello.txt": b"hi"}),
    }
    for name, data in not_docx.items():
        problem = problem_of(*service.request("POST", "/v1/check", data, {"Content-Type": DOCX}),
                             422, "unreadable-document")
        assert problem["problems"], name
    still_serving(service)


def test_check_accepts_a_raw_body_and_a_multipart_upload(service):
    document = congvan.render_bytes(congvan.load(KE_HOACH))
    status, _, body = service.request("POST", "/v1/check", document, {"Content-Type": DOCX})
    assert status == 200, body[:500]
    raw = json.loads(body)
    assert raw["ok"] is True
    boundary = "congvan-boundary-7"
    multipart = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kế hoạch.docx\"\r\n"
                 f"Content-Type: {DOCX}\r\n\r\n").encode() + document + f"\r\n--{boundary}--\r\n".encode()
    status, _, body = service.request("POST", "/v1/check", multipart,
                                      {"Content-Type": f"multipart/form-data; boundary={boundary}"})
    assert status == 200 and json.loads(body) == raw


def test_check_multipart_without_a_file_is_400(service):
    boundary = "b"
    body = f"--{boundary}\r\nContent-Disposition: form-data; name=\"ghi_chu\"\r\n\r\nabc\r\n--{boundary}--\r\n"
    problem_of(*service.request("POST", "/v1/check", body.encode(),
                                {"Content-Type": f"multipart/form-data; boundary={boundary}"}), 400, "no-file")


def test_unknown_paths_and_methods_are_problems_too(service):
    problem_of(*service.request("GET", "/v1/khong-co"), 404, "http-404")
    problem_of(*service.request("GET", "/v1/render"), 405, "http-405")


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- the page ---------------------------------------------------------------------------------

def test_the_page_and_its_files_come_from_the_service(service):
    status, headers, body = service.request("GET", "/")
    assert status == 200 and headers["content-type"].startswith("text/html")
    page = body.decode("utf-8")
    assert '<html lang="vi">' in page and "/static/app.js" in page and "Tải DOCX" in page
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "http://" not in page and "https://" not in page  # no CDN
    for name in ("app.js", "app.css"):
        status, _, body = service.request("GET", f"/static/{name}")
        assert status == 200 and b"https://" not in body and b"http://" not in body


# --- load and limits --------------------------------------------------------------------------

def test_a_concurrent_burst_is_answered_in_full(service):
    forms = [form(CONG_VAN), form(KE_HOACH)]
    expected = [congvan.render_bytes(congvan.load(p)) for p in (CONG_VAN, KE_HOACH)]

    def one(i):
        if i % 5 == 4:
            status, _, body = service.post_json("/v1/validate", forms[i % 2])
            return status, json.loads(body) == {"ok": True, "problems": []}
        status, _, body = service.post_json("/v1/render", forms[i % 2])
        return status, body == expected[i % 2]

    with ThreadPoolExecutor(10) as clients:
        results = list(clients.map(one, range(50)))
    assert results == [(200, True)] * 50
    assert service.get_json("/healthz")["pool"]["in_flight"] == 0


def test_a_full_pool_answers_503_with_retry_after():
    with Service(create_app(Settings(pool_threads=1, pool_queue=0, retry_after_s=3))) as small:
        small.app.state.pool.submit(time.sleep, 60, timeout=3)  # a worker process busy; stopped after 3 s
        status, headers, body = small.post_json("/v1/render", form())
        problem = problem_of(status, headers, body, 503, "busy")
        assert headers["retry-after"] == "3" and "3" in problem["detail"]
        deadline = time.monotonic() + 10
        while small.app.state.pool.in_flight and time.monotonic() < deadline:
            time.sleep(0.01)
        still_serving(small)


def test_a_render_that_waits_too_long_answers_503_and_frees_its_slot():
    settings = Settings(pool_threads=1, pool_queue=1, render_timeout_s=0.5)
    with Service(create_app(settings)) as small:
        small.app.state.pool.submit(time.sleep, 60, timeout=3)  # the only worker busy; stopped after 3 s
        started = time.monotonic()
        problem = problem_of(*small.post_json("/v1/render", form()), 503, "timeout")
        assert time.monotonic() - started < 5 and "0.5" in problem["detail"]
        deadline = time.monotonic() + 10
        while small.app.state.pool.in_flight and time.monotonic() < deadline:
            time.sleep(0.01)
        assert small.app.state.pool.in_flight == 0  # the queued render was cancelled, not leaked
        still_serving(small)


def test_settings_travel_to_worker_processes_as_json(tmp_path):
    settings = Settings(max_blocks=7, template_dir=tmp_path, render_timeout_s=2.5)
    assert Settings.from_json(settings.to_json()) == settings


# --- the command ------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_congvan_serve_runs_workers_with_the_operators_limits():
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "congvan", "serve", "--port", str(port), "--workers", "2", "--max-blocks", "5",
         "--log-level", "warning"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/healthz")
                health = json.loads(conn.getresponse().read())
                conn.close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, process.stderr.read()
                time.sleep(0.1)
        assert health["limits"]["max_blocks"] == 5
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("POST", "/v1/render", json.dumps(form()).encode(), {"Content-Type": "application/json"})
        response = conn.getresponse()
        assert response.status == 413 and b"too-many-blocks" in response.read()
        conn.close()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert code == 0


def test_serve_without_the_extra_says_what_to_install():
    script = ("import sys; sys.modules['fastapi'] = None; sys.modules['uvicorn'] = None\n"
              "from congvan.cli import main; sys.exit(main(['serve']))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=60)
    assert result.returncode == 1
    assert "pip install 'congvan[server]'" in result.stderr and "cần gói bổ sung" in result.stderr


def test_workers_share_a_listener_whose_connections_get_tcp_nodelay():
    """uvicorn's shared socket leaves Nagle on for keep-alive connections (~40 ms each, uvicorn #3149)."""
    import asyncio

    from congvan.commands.serve import _tcp_listener

    listener = _tcp_listener(uvicorn.Config("x:y", host="127.0.0.1", port=0, workers=2))
    seen = []

    class Probe(asyncio.Protocol):
        def connection_made(self, transport):
            sock = transport.get_extra_info("socket")
            seen.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    async def accept_one():
        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        for _ in range(200):
            if seen:
                break
            await asyncio.sleep(0.01)
        writer.close()
        server.close()

    asyncio.run(accept_one())
    assert listener.proto == socket.IPPROTO_TCP and seen and seen[0] != 0


def test_a_line_the_header_cannot_fit_comes_back_as_a_warning_header(service):
    """Issue 14: the document is written, and the service names the line that did not fit."""
    data = form()
    data["co_quan_ban_hanh"] = {"ten": "Trung tâm Kiểm soát bệnh tật và Quản lý chất lượng thuốc Thành phố\nHồ Chí Minh",
                                "viet_tat": "HCDC"}
    status, headers, body = service.post_json("/v1/render", data)
    assert status == 200, body[:500]
    warnings = json.loads(headers["x-congvan-warnings"])
    assert [w["path"] for w in warnings] == ["co_quan_ban_hanh.ten"]
    assert "không vừa cột tiêu đề" in warnings[0]["vi"] and "does not fit" in warnings[0]["en"]
    status, headers, _ = service.post_json("/v1/render", form())
    assert status == 200 and "x-congvan-warnings" not in headers


# --- issue 17.5: what the web page needs — a type's starter, YAML ↔ JSON through the one reader ---

def test_form_endpoint_reads_a_yaml_form_file_as_the_library_does(service):
    from congvan.forms import load_form

    for path in sorted(EXAMPLES.glob("[0-9]*.yaml")):
        status, _, body = service.request("POST", "/v1/form", path.read_bytes(), {"Content-Type": "application/yaml"})
        assert status == 200 and json.loads(body)["data"] == load_form(path)[0], path.name
    status, _, body = service.post_json("/v1/form", {"loai": "cong-van"})  # JSON is YAML too
    assert status == 200 and json.loads(body) == {"data": {"loai": "cong-van"}}


@pytest.mark.parametrize("text, code, line", [
    ("loai: cong-van\ntrich_yeu: [chưa đóng\n", "syntax", 3),
    ("loai: cong-van\nloai: ke-hoach\n", "duplicate-key", 2),
    ("- a\n- b\n", "not-a-mapping", 1),
    ("a: !!python/object:os.system x\n", "yaml-tag", 1),
])
def test_form_endpoint_refuses_a_broken_file_with_its_line(service, text, code, line):
    status, headers, body = service.request("POST", "/v1/form", text.encode(), {"Content-Type": "application/yaml"})
    problem = problem_of(status, headers, body, 400, "malformed-form")
    assert [(p["code"], p["line"]) for p in problem["problems"]] == [(code, line)]
    still_serving(service)


def test_starter_endpoint_gives_every_type_its_valid_starter_form(service):
    from congvan.doctypes import DOC_TYPES

    for loai in DOC_TYPES:
        data = service.get_json(f"/v1/starter/{loai}")
        assert data["loai"] == loai
        assert json.loads(service.post_json("/v1/validate", data)[2]) == {"ok": True, "problems": []}, loai
    problem_of(*service.request("GET", "/v1/starter/cong-vann"), 404, "unknown-type")


def test_types_name_the_parts_that_belong_to_each_type(service):
    parts = {t["loai"]: t["phan_rieng"] for t in service.get_json("/v1/types")}
    assert parts["giay-moi"] == ["giay_moi"] and parts["quyet-dinh"] == ["kem_theo"] and parts["ke-hoach"] == []

# --- agency profiles (co_quan.yaml, congvan.profile) ---------------------------------------------

PROFILE = EXAMPLES / "co-quan" / "co_quan.yaml"


@pytest.fixture(scope="module")
def profile_service(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ho-so")
    shutil.copy(PROFILE, folder / "so-tai-chinh.yaml")
    (folder.parent / "ngoai.yaml").write_text(PROFILE.read_text(encoding="utf-8"), encoding="utf-8")  # never reachable
    with Service(create_app(Settings(profile_dir=folder))) as running:
        yield running


def bare_104() -> dict:
    data = form(EXAMPLES / "co-quan" / "104-to-trinh-khan.yaml")
    data.pop("ho_so")
    return data


def full_104() -> bytes:
    return congvan.render_bytes(congvan.load(EXAMPLES / "104-to-trinh-khan.yaml"))


@pytest.mark.parametrize("name", ["so-tai-chinh", "so-tai-chinh.yaml"])
def test_a_profile_named_from_the_operators_folder(profile_service, name):
    status, _, body = profile_service.post_json("/v1/render", {**bare_104(), "ho_so": name})
    assert status == 200 and body == full_104()


def test_a_profile_sent_with_the_request(service):
    data = {**bare_104(), "ho_so": yaml.safe_load(PROFILE.read_text(encoding="utf-8"))}
    status, _, body = service.post_json("/v1/render", data)
    assert status == 200 and body == full_104()
    assert json.loads(service.post_json("/v1/validate", data)[2]) == {"ok": True, "problems": []}


@pytest.mark.parametrize("name", ["../ngoai", "../ngoai.yaml", "/etc/passwd", "ho-so/../../ngoai", "..",
                                  "so-tai-chinh/../../ngoai", "..\\ngoai", ".an", "~/ngoai"])
def test_profile_names_cannot_leave_the_operators_folder(profile_service, name):
    problem = problem_of(*profile_service.post_json("/v1/render", {**bare_104(), "ho_so": name}), 422, "invalid-form")
    (found,) = problem["problems"]
    assert found["code"] == "profile-path-not-allowed" and found["path"] == "ho_so"
    assert "'..'" in found["vi"] and "folder" in found["en"]
    still_serving(profile_service)


def test_an_unknown_profile_name_and_a_service_without_profiles(profile_service, service):
    problem = problem_of(*profile_service.post_json("/v1/render", {**bare_104(), "ho_so": "so-noi-vu"}), 422,
                         "invalid-form")
    assert problem["problems"][0]["code"] == "not-found" and "so-noi-vu" in problem["problems"][0]["en"]
    problem = problem_of(*service.post_json("/v1/render", {**bare_104(), "ho_so": "so-tai-chinh"}), 422,
                         "invalid-form")
    assert problem["problems"][0]["code"] == "profile-not-configured" and "--profile-dir" in problem["problems"][0]["vi"]


def test_a_profile_with_an_unknown_field_is_named(service):
    profile = {**yaml.safe_load(PROFILE.read_text(encoding="utf-8")), "nguoi_nhan": ["Sở Nội vụ"]}
    result = json.loads(service.post_json("/v1/validate", {**bare_104(), "ho_so": profile})[2])
    assert result["ok"] is False
    (found,) = result["problems"]
    assert found["code"] == "profile-unknown-field" and found["path"] == "nguoi_nhan" and "noi_nhan" in found["en"]


def test_image_paths_inside_a_sent_profile_are_refused_unread(service):
    profile = yaml.safe_load(PROFILE.read_text(encoding="utf-8"))
    profile["nguoi_ky"]["giam-doc"]["anh_chu_ky"] = "/etc/passwd"
    problem = problem_of(*service.post_json("/v1/render", {**bare_104(), "ho_so": profile}), 422,
                         "file-paths-not-allowed")
    assert problem["problems"][0]["path"] == "ho_so.nguoi_ky.giam-doc.anh_chu_ky"


def test_profile_dir_travels_to_workers():
    settings = Settings(profile_dir=PROFILE.parent)
    assert Settings.from_json(settings.to_json()).profile_dir == PROFILE.parent.resolve()
