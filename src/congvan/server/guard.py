"""What stands between the network and the service's routes.

- ``HostGuard``: only the Host names the operator allows are answered
  (default: the loopback names).  A web page on another site can make a
  browser send requests to ``127.0.0.1:8000`` under a name of its own (DNS
  rebinding); the name in the Host header gives it away.
- ``read_body`` (in ``requests``) gives a client ``body_timeout_s`` to send its
  whole body, and a client that goes away is let go quietly (``ClientGone``).
- The number of connections and the keep-alive time are uvicorn's own
  settings (``limit_concurrency``, ``timeout_keep_alive``), set by
  ``congvan serve`` from the same Settings (``uvicorn_options``).
"""

from __future__ import annotations

import json

from .problems import MEDIA_TYPE, TYPE_BASE
from .settings import Settings

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def host_name(header: str) -> str:
    """'example.org:8000' → 'example.org'; '[::1]:8000' → '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostGuard:
    """ASGI middleware: 400 (problem+json) for a Host name not allowed."""

    def __init__(self, app, allowed: tuple[str, ...]):
        self.app, self.allowed = app, {h.lower() for h in allowed}

    async def __call__(self, scope, receive, send):
        if scope["type"] in ("http", "websocket") and "*" not in self.allowed:
            headers = dict(scope.get("headers") or [])
            name = host_name(headers.get(b"host", b"").decode("latin-1"))
            if name not in self.allowed:
                return await _refuse(send, name)
        return await self.app(scope, receive, send)


async def _refuse(send, name: str) -> None:
    body = json.dumps({
        "type": TYPE_BASE + "host-not-allowed", "title": "Tên máy không được phép / Host not allowed", "status": 400,
        "detail": f"Dịch vụ không phục vụ tên máy '{name}' (người vận hành thêm bằng --allowed-host)",
        "detail_en": f"the service does not answer for the host name '{name}' (operators add names with"
                     " --allowed-host)", "problems": [],
    }, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": 400,
                "headers": [(b"content-type", MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def uvicorn_options(settings: Settings) -> dict:
    """The connection limits uvicorn enforces itself."""
    return {"limit_concurrency": settings.max_connections, "timeout_keep_alive": settings.keep_alive_s,
            "h11_max_incomplete_event_size": 16 * 1024}  # request line and headers: 16 KB is plenty


def is_loopback(host: str) -> bool:
    import ipaddress

    if host_name(host) == "localhost":
        return True
    try:
        return ipaddress.ip_address(host_name(host)).is_loopback
    except ValueError:
        return False  # a name: it may resolve to anything
