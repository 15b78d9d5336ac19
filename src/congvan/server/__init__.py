"""``congvan serve``: the HTTP service for e-office systems (extra ``congvan[server]``).

``create_app(settings)`` builds the FastAPI application; ``Settings`` holds
the limits a public deployment needs.  FastAPI is imported only here, so the
library itself never needs it.
"""

from __future__ import annotations

from .settings import Settings


def create_app(settings: Settings | None = None):
    from .app import create_app as _create

    return _create(settings)


__all__ = ["Settings", "create_app"]
