"""Load test of ``congvan serve`` on loopback, beside the in-process render time.

    python benchmarks/bench_server.py [--requests 400] [--seconds 20] [--clients 8] [--workers 1 2]

For each worker count it starts the real service (``python -m congvan serve
--workers N``) on a free loopback port, warms it up, then sends at most
``--requests`` POST /v1/render (seed-000 công văn → DOCX) from ``--clients``
keep-alive connections, stopping early after ``--seconds``.  It prints
requests/s, p50/p99 latency and errors, and the same figures for the
in-process ``render_bytes`` (the floor the service adds HTTP, JSON and
validation to).  The clients run on the same machine as the server and take
part of its CPU: figures are for comparing runs, not an absolute capacity.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import congvan  # noqa: E402
from congvan.forms import load_form  # noqa: E402

FORM = ROOT / "examples" / "000-cong-van-bcd-dak-lak-2022.yaml"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def in_process(n: int) -> dict:
    doc = congvan.load(FORM)
    congvan.render_bytes(doc)
    times = []
    for _ in range(n):
        start = time.perf_counter()
        congvan.render_bytes(doc)
        times.append(time.perf_counter() - start)
    data, _ = load_form(FORM)
    validate_times = []
    from congvan.forms import validate_data
    for _ in range(n):
        start = time.perf_counter()
        congvan.render_bytes(validate_data(congvan.VanBan, data))
        validate_times.append(time.perf_counter() - start)
    return {"render": times, "validate+render": validate_times}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(workers: int, threads: int | None) -> tuple[subprocess.Popen, int]:
    port = free_port()
    command = [sys.executable, "-m", "congvan", "serve", "--port", str(port), "--workers", str(workers),
               "--log-level", "warning"]
    if threads:
        command += ["--threads", str(threads)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"the service did not start: {process.stderr.read().decode()}")


def load(port: int, body: bytes, requests: int, seconds: float, clients: int) -> dict:
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    left = [requests]
    deadline = time.monotonic() + seconds

    def client():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Content-Type": "application/json"}
        while time.monotonic() < deadline:
            with lock:
                if left[0] <= 0:
                    break
                left[0] -= 1
            start = time.perf_counter()
            try:
                conn.request("POST", "/v1/render", body, headers)
                response = conn.getresponse()
                response.read()
                status = response.status
            except OSError:
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                status = 0
            elapsed = time.perf_counter() - start
            with lock:
                (latencies if status == 200 else errors).append(elapsed if status == 200 else status)
        conn.close()

    started = time.perf_counter()
    pool = [threading.Thread(target=client) for _ in range(clients)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall = time.perf_counter() - started
    return {"ok": len(latencies), "errors": errors, "wall": wall, "latencies": latencies}


def row(name: str, count: int, wall: float, latencies: list[float], errors: int = 0) -> str:
    rate = count / wall if wall else 0.0
    return (f"{name:<22} {count:>6} {rate:>9.1f} {statistics.median(latencies) * 1000:>9.2f}"
            f" {percentile(latencies, 0.99) * 1000:>9.2f} {errors:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400, help="most requests per run")
    parser.add_argument("--seconds", type=float, default=20.0, help="longest run, seconds")
    parser.add_argument("--clients", type=int, default=8, help="concurrent keep-alive connections")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--threads", type=int, default=None, help="render threads per worker")
    args = parser.parse_args()

    data, _ = load_form(FORM)
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    print(f"form: {FORM.name} ({len(body)} bytes JSON), {os.cpu_count()} CPU(s), clients={args.clients},"
          f" at most {args.requests} requests or {args.seconds:g} s per run\n")
    print(f"{'':<22} {'count':>6} {'req/s':>9} {'p50 ms':>9} {'p99 ms':>9} {'errors':>6}")
    base = in_process(min(args.requests, 300))
    for name, times in base.items():
        print(row(f"in-process {name}", len(times), sum(times), times))
    floor = statistics.median(base["validate+render"])
    rates = {}
    for workers in args.workers:
        process, port = start(workers, args.threads)
        try:
            load(port, body, requests=max(20, args.clients * 4), seconds=10, clients=args.clients)  # warm
            result = load(port, body, args.requests, args.seconds, args.clients)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)
        if not result["latencies"]:
            print(f"{workers} worker(s): no successful request; errors {result['errors'][:5]}")
            continue
        rates[workers] = result["ok"] / result["wall"]
        print(row(f"HTTP, {workers} worker(s)", result["ok"], result["wall"], result["latencies"],
                  len(result["errors"])))
        print(f"{'':<22} p50 latency / in-process validate+render: "
              f"{statistics.median(result['latencies']) / floor:.1f}×")
    if 1 in rates and 2 in rates:
        print(f"\nthroughput 2 workers / 1 worker: {rates[2] / rates[1]:.2f}×")


if __name__ == "__main__":
    main()
