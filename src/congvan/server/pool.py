"""A bounded pool of render threads: a full pool says so at once (503).

Work is CPU-bound and must not run on the event loop, or one large
document would stall every other request.  The pool takes at most
``threads + queue`` jobs; the next one is refused rather than queued
forever.  A job that outlives its timeout is answered 503 but keeps its
slot until it really ends, so the bound stays honest.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Callable, TypeVar

T = TypeVar("T")


class PoolBusy(Exception):
    """Every slot is taken."""


class PoolTimeout(Exception):
    """The job did not finish in time."""


class RenderPool:
    def __init__(self, threads: int, queue: int):
        self.threads, self.capacity = threads, threads + queue
        self._executor = ThreadPoolExecutor(threads, thread_name_prefix="congvan-render")
        self._slots = threading.BoundedSemaphore(self.capacity)
        self._lock = threading.Lock()
        self._in_flight = 0

    @property
    def in_flight(self) -> int:
        return self._in_flight

    def submit(self, fn: Callable[..., T], *args):
        """Start fn(*args) in the pool, or raise PoolBusy; returns a concurrent Future."""
        if not self._slots.acquire(blocking=False):
            raise PoolBusy
        with self._lock:
            self._in_flight += 1
        try:
            future = self._executor.submit(fn, *args)
        except BaseException:
            self._release(None)
            raise
        future.add_done_callback(self._release)
        return future

    def _release(self, _future) -> None:
        with self._lock:
            self._in_flight -= 1
        self._slots.release()

    async def run(self, timeout: float, fn: Callable[..., T], *args) -> T:
        future = self.submit(fn, *args)
        try:
            # On timeout a job still waiting in the queue is cancelled; a running one finishes.
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except asyncio.TimeoutError:
            raise PoolTimeout from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
