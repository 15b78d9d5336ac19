"""A bounded pool of worker processes that can be ended: a full pool says so at
once (503), and a job past its time limit is really stopped.

Work is CPU-bound and must not run on the event loop, or one large document
would stall every other request; and it must not run in a thread either,
because a thread cannot be stopped: a DOCX of 543,000 tiny runs kept three
threads busy for 37 s after their clients had been told 503 and grew the
service from 123 MB to 1.5 GB.  So every parse, validation, render and check
runs in one of ``processes`` long-lived worker processes:

- the pool takes at most ``processes + queue`` jobs; the next is refused;
- a job's deadline counts from when it was submitted (queue time included);
  at the deadline the client is answered 503 and the worker that is still
  busy is killed (with its process group: a LibreOffice it started goes too)
  and replaced, so the slot is free again at once;
- each worker's address space is capped (``RLIMIT_AS``): a request that needs
  more memory fails alone with MemoryError (answered 413), the service stays;
- a worker that dies (the kernel's OOM killer, a crash) is replaced too.

One thread per worker waits on its pipe, so the event loop only awaits futures.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import queue
import resource
import signal
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, TypeVar

T = TypeVar("T")
log = logging.getLogger("congvan.server")
#: Imported once by the fork server, so a replaced worker starts in milliseconds.
PRELOAD = ["congvan.server.work"]


class PoolBusy(Exception):
    """Every slot is taken."""


class PoolTimeout(Exception):
    """The job did not finish in time (and was stopped)."""


class PoolMemory(Exception):
    """The job needed more memory than a worker may use."""


class WorkerLost(Exception):
    """The worker died while doing the job (and was replaced)."""


def _context():
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


def _worker_main(conn, memory_bytes: int | None) -> None:
    """A worker: its own process group (so a kill takes its children), a memory cap, then jobs."""
    try:
        os.setpgid(0, 0)
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is for the server; it ends the workers itself
    if memory_bytes:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, hard))  # soft only: LibreOffice lifts it for itself
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = ("ok", fn(*args))
        except MemoryError:
            outcome = ("memory", None)
        except BaseException as exc:  # noqa: BLE001 — sent back to the server, which answers for it
            outcome = ("error", _portable(exc))
        try:
            conn.send(outcome)
        except MemoryError:
            conn.send(("memory", None))


def _portable(exc: BaseException) -> BaseException:
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        log.exception("unexpected error in a worker")
        return RuntimeError(f"{type(exc).__name__}: {exc}")


class _Worker:
    def __init__(self, ctx, memory_bytes: int | None):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, memory_bytes), daemon=True,
                                   name="congvan-worker")
        self.process.start()
        child.close()

    def kill(self) -> None:
        pid = self.process.pid
        for kill in (lambda: os.killpg(pid, signal.SIGKILL), lambda: os.kill(pid, signal.SIGKILL)):
            try:
                kill()
                break
            except (OSError, TypeError):
                continue
        self.process.join(5)
        self.conn.close()


class RenderPool:
    def __init__(self, processes: int, queue_size: int, memory_bytes: int | None = None):
        self.threads, self.capacity = processes, processes + queue_size  # "threads": the name /healthz reports
        self.memory_bytes = memory_bytes
        self._ctx = _context()
        self._idle: queue.SimpleQueue[_Worker | None] = queue.SimpleQueue()
        for _ in range(processes):
            self._idle.put(None)  # started on first use
        self._all: set[_Worker] = set()
        self._executor = ThreadPoolExecutor(processes, thread_name_prefix="congvan-pool")
        self._slots = threading.BoundedSemaphore(self.capacity)
        self._lock = threading.Lock()
        self._in_flight = 0
        self.killed = 0  # workers ended past their time limit (reported by /healthz)

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def submit(self, fn: Callable[..., T], *args, timeout: float = 60.0) -> Future:
        """Start fn(*args) in a worker process, or raise PoolBusy; a concurrent Future."""
        if not self._slots.acquire(blocking=False):
            raise PoolBusy
        with self._lock:
            self._in_flight += 1
        try:
            future = self._executor.submit(self._job, time.monotonic() + timeout, fn, args)
        except BaseException:
            self._release(None)
            raise
        future.add_done_callback(self._release)
        return future

    def _release(self, _future) -> None:
        with self._lock:
            self._in_flight -= 1
        self._slots.release()

    def _job(self, deadline: float, fn, args) -> Any:
        if time.monotonic() >= deadline:
            raise PoolTimeout  # waited in the queue past its time: never started
        worker = self._idle.get() or self._start()
        try:
            worker.conn.send((fn, args))
            if not worker.conn.poll(max(0.0, deadline - time.monotonic())):
                self._replace(worker)
                worker = None
                with self._lock:
                    self.killed += 1
                raise PoolTimeout
            status, value = worker.conn.recv()
        except (EOFError, OSError, pickle.PickleError) as exc:
            if worker is not None:
                self._replace(worker)
                worker = None
            raise WorkerLost(str(exc)) from None
        finally:
            if worker is not None:
                self._idle.put(worker)
        if status == "memory":
            raise PoolMemory
        if status == "error":
            raise value
        return value

    def _start(self) -> _Worker:
        worker = _Worker(self._ctx, self.memory_bytes)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
        self._idle.put(None)  # a fresh worker is started by the next job

    async def run(self, timeout: float, fn: Callable[..., T], *args) -> T:
        future = self.submit(fn, *args, timeout=timeout)
        try:
            # The worker is killed at the deadline; the small margin covers the kill itself.
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout + 1.0)
        except asyncio.TimeoutError:
            future.cancel()  # still queued: it will not start
            raise PoolTimeout from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.kill()
