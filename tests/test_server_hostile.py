"""Issue 16: a service one client cannot stall.  Hostile uploads run against a
real uvicorn on a loopback port while /healthz must keep answering within a
second; work past its time limit is stopped (the worker is killed), memory is
capped per worker, slow bodies time out, disconnects are quiet, and only the
allowed Host names are served.  Every burst is bounded in count and time."""

from __future__ import annotations

import http.client
import io
import json
import logging
import socket
import threading
import time
import zipfile

import pytest

from test_server import CONG_VAN, Service, form  # noqa: F401 — also skips without the server extra

import congvan  # noqa: E402
from congvan.server import Settings, create_app  # noqa: E402

HEALTHY_S = 1.0


def request(service, method: str, path: str, body: bytes | None = None, headers: dict | None = None,
            timeout: float = 30) -> tuple[int, bytes, float]:
    conn = http.client.HTTPConnection("127.0.0.1", service.port, timeout=timeout)
    started = time.monotonic()
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read(), time.monotonic() - started
    finally:
        conn.close()


def many_parts(count: int = 34_000) -> bytes:
    return b"".join(b"--x\r\n\r\n\r\n" for _ in range(count)) + b"--x--\r\n"


def many_runs(runs: int = 543_000) -> bytes:
    """A ~40 KB DOCX whose body is half a million one-letter runs: slow to check, huge in memory."""
    good = congvan.render_bytes(congvan.load(CONG_VAN))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><w:p>" + b"<w:r><w:t>a</w:t></w:r>" * runs + b"</w:p>", 1)
            dst.writestr(info.filename, data)
    return out.getvalue()


class Health:
    """Polls /healthz every 0.1 s in the background and keeps the slowest answer."""

    def __init__(self, service):
        self.service, self.worst, self.failures, self.count = service, 0.0, [], 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                status, _, took = request(self.service, "GET", "/healthz", timeout=5)
                self.worst, self.count = max(self.worst, took), self.count + 1
                if status != 200:
                    self.failures.append(status)
            except OSError as exc:
                self.failures.append(repr(exc))
            self._stop.wait(0.1)

    def __enter__(self) -> "Health":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(10)


def slow_client(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), 5)
    sock.sendall(b"POST /v1/validate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 b"Content-Length: 100000\r\n\r\n{")
    return sock


@pytest.fixture(scope="module")
def hostile():
    settings = Settings(pool_threads=2, pool_queue=8, render_timeout_s=3, body_timeout_s=2, worker_memory_mb=1024)
    with Service(create_app(settings)) as running:
        yield running


def test_healthz_answers_within_a_second_while_hostile_uploads_run(hostile):
    parts, runs = many_parts(), many_runs()
    answers: list[tuple[str, int, float]] = []

    def upload(kind: str, body: bytes, content_type: str) -> None:
        status, _, took = request(hostile, "POST", "/v1/check", body, {"Content-Type": content_type})
        answers.append((kind, status, took))

    jobs = [threading.Thread(target=upload, args=("parts", parts, "multipart/form-data; boundary=x")) for _ in range(4)]
    jobs += [threading.Thread(target=upload, args=("runs", runs, "application/octet-stream")) for _ in range(3)]
    started = time.monotonic()
    with Health(hostile) as health:
        slow = [slow_client(hostile.port) for _ in range(40)]
        for job in jobs:
            job.start()
        for job in jobs:
            job.join(30)
        time.sleep(max(0.0, 3.5 - (time.monotonic() - started)))  # past the slow clients' body deadline
    elapsed = time.monotonic() - started
    assert health.count >= 10 and not health.failures, health.failures
    assert health.worst < HEALTHY_S, f"/healthz took {health.worst:.2f} s under load"
    assert sorted(a[:2] for a in answers) == [("parts", 400)] * 4 + [("runs", 503)] * 3, answers
    assert all(took < 3 + 2 for kind, _, took in answers if kind == "runs")  # stopped at its limit, not run on
    assert elapsed < 20
    for sock in slow:  # each slow client was answered 408 (body too slow) and let go
        sock.settimeout(2)
        assert sock.recv(64).startswith(b"HTTP/1.1 408"), "a slow client was not timed out"
        sock.close()
    pool = hostile.app.state.pool
    deadline = time.monotonic() + 10
    while pool.in_flight and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pool.in_flight == 0 and pool.killed >= 3  # the work past its time was killed, its slots freed
    status, body, _ = request(hostile, "POST", "/v1/render", json.dumps(form()).encode(),
                              {"Content-Type": "application/json"})
    assert status == 200 and body.startswith(b"PK")  # and normal work goes on


def test_a_request_over_the_memory_cap_fails_alone():
    settings = Settings(pool_threads=1, pool_queue=2, render_timeout_s=20, worker_memory_mb=400)
    with Service(create_app(settings)) as small:
        status, body, _ = request(small, "POST", "/v1/check", many_runs(), {"Content-Type": "application/octet-stream"})
        assert status == 413 and json.loads(body)["type"].endswith("too-much-memory"), body[:300]
        status, body, _ = request(small, "POST", "/v1/render", json.dumps(form()).encode(),
                                  {"Content-Type": "application/json"})
        assert status == 200 and body.startswith(b"PK")


@pytest.mark.parametrize("host, status", [("evil.example", 400), ("127.0.0.1.evil.example", 400),
                                          ("localhost:1234", 200), ("127.0.0.1", 200), ("[::1]:80", 200)])
def test_only_the_allowed_host_names_are_served(hostile, host, status):
    got, body, _ = request(hostile, "GET", "/healthz", headers={"Host": host})
    assert got == status, body
    if status == 400:
        problem = json.loads(body)
        assert problem["type"].endswith("host-not-allowed") and host.split(":")[0] in problem["detail_en"]


def test_an_operator_can_allow_a_name():
    with Service(create_app(Settings(allowed_hosts=("congvan.example.gov.vn",)))) as named:
        assert request(named, "GET", "/healthz", headers={"Host": "congvan.example.gov.vn"})[0] == 200
        assert request(named, "GET", "/healthz", headers={"Host": "localhost"})[0] == 400


def test_a_client_that_leaves_mid_body_is_not_logged_as_an_error(hostile, caplog):
    with caplog.at_level(logging.INFO, logger="congvan.server"):
        for _ in range(20):
            sock = slow_client(hostile.port)
            sock.close()
        time.sleep(0.5)
        assert request(hostile, "GET", "/healthz")[0] == 200
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


def test_a_deeply_nested_multipart_is_a_400(hostile):
    body = b"--y\r\nContent-Type: text/plain\r\n\r\nz\r\n--y--\r\n"
    for depth in range(200):
        body = (b"--b%d\r\nContent-Type: multipart/mixed; boundary=%s\r\n\r\n" % (depth, b"y" if not depth else
                b"b%d" % (depth - 1))) + body + b"\r\n--b%d--\r\n" % depth
    status, answer, _ = request(hostile, "POST", "/v1/check", body, {"Content-Type": "multipart/form-data; boundary=b199"})
    assert status == 400, answer[:300]


def test_a_huge_float_is_a_400_not_a_500(hostile):
    text = json.dumps(form()).replace('"so": 1,', '"so": 1e400,')
    if "1e400" not in text:
        text = json.dumps({**form(), "so": 12}).replace('"so": 12', '"so": 1e400')
    status, body, _ = request(hostile, "POST", "/v1/render", text.encode(), {"Content-Type": "application/json"})
    assert status == 400 and "1e400" in body.decode(), body[:300]
