"""What an operator may tune: limits of a public deployment and where templates live.

Every limit has a default that is safe on a public network; ``congvan serve``
sets them from its options.  With several uvicorn worker processes the
settings travel to each worker as JSON in one environment variable.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

ENV_VAR = "CONGVAN_SERVER_SETTINGS"


def _default_threads() -> int:
    # Rendering holds the GIL; more threads than cores only helps while
    # LibreOffice (PDF) works in its own process.
    return max(2, min(8, os.cpu_count() or 2))


@dataclass(frozen=True)
class Settings:
    #: Largest request body; a real kế hoạch with appendices is ~50 kB.
    max_request_bytes: int = 2 * 1024 * 1024
    #: Most body blocks, tasks and list lines in one document.
    max_blocks: int = 2000
    #: Seconds a client waits for a DOCX (queue time included).
    render_timeout_s: float = 10.0
    #: Seconds a client waits for a PDF or a page image: LibreOffice is slow to start.
    pdf_timeout_s: float = 90.0
    #: Threads that render; renders beyond threads + queue are refused with 503.
    pool_threads: int = _default_threads()
    pool_queue: int = 32
    #: Seconds a refused client is told to wait (Retry-After).
    retry_after_s: int = 2
    #: The only directory whose DOCX templates a client may name (?template=NAME).
    template_dir: Path | None = None
    #: The only directory a form's relative image paths (nguoi_ky.anh_chu_ky, anh_dau)
    #: are read from; without it the service refuses image paths altogether.
    image_dir: Path | None = None
    #: The only directory of agency profiles (co_quan.yaml files) a form may name
    #: (``ho_so: NAME`` → ``profile_dir/NAME.yaml``); never a path from the request.
    profile_dir: Path | None = None
    #: Address space of each worker process, MB: a request needing more fails alone (413).
    worker_memory_mb: int = 1536
    #: Seconds a client has to send its whole body; a slower one is answered 408 and dropped.
    body_timeout_s: float = 15.0
    #: Connections served at once (uvicorn's limit_concurrency); more are answered 503.
    max_connections: int = 200
    #: Seconds an idle keep-alive connection stays open.
    keep_alive_s: float = 5.0
    #: Host header names the service answers (DNS rebinding); "*" allows any. Default: loopback only.
    allowed_hosts: tuple[str, ...] = ("localhost", "127.0.0.1", "::1")

    def __post_init__(self) -> None:
        for name in ("max_request_bytes", "max_blocks", "pool_threads"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} phải lớn hơn 0 / {name} must be at least 1")
        if self.pool_queue < 0 or self.render_timeout_s <= 0 or self.pdf_timeout_s <= 0:
            raise ValueError("pool_queue ≥ 0, thời hạn > 0 / pool_queue ≥ 0 and timeouts > 0")
        if self.worker_memory_mb < 256 or self.body_timeout_s <= 0 or self.max_connections < 1 or self.keep_alive_s <= 0:
            raise ValueError("worker_memory_mb ≥ 256, body_timeout_s > 0, max_connections ≥ 1, keep_alive_s > 0")
        object.__setattr__(self, "allowed_hosts", tuple(h.strip().lower().strip("[]") for h in self.allowed_hosts))
        for name in ("template_dir", "image_dir", "profile_dir"):
            if getattr(self, name) is not None:
                object.__setattr__(self, name, Path(getattr(self, name)).resolve())

    def to_json(self) -> str:
        data = asdict(self)
        for name in ("template_dir", "image_dir", "profile_dir"):
            data[name] = str(data[name]) if data[name] else None
        return json.dumps(data)

    @classmethod
    def from_json(cls, text: str) -> "Settings":
        data = json.loads(text)
        known = {f.name for f in fields(cls)}
        chosen = {k: v for k, v in data.items() if k in known}
        if "allowed_hosts" in chosen:
            chosen["allowed_hosts"] = tuple(chosen["allowed_hosts"])
        return replace(cls(), **chosen)

    @classmethod
    def from_env(cls) -> "Settings":
        text = os.environ.get(ENV_VAR)
        return cls.from_json(text) if text else cls()
