"""Errors as RFC 9457 problem details, in Vietnamese and English.

``detail`` is the Vietnamese sentence a clerk reads, ``detail_en`` the
English one a developer reads, ``problems`` the library's own located
problems (``Problem.to_dict()``: field path, both messages, line, column).
``type`` names the kind of problem, so a client can branch on it.
"""

from __future__ import annotations

from typing import Iterable

from fastapi.responses import JSONResponse

from ..errors import Problem

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://congvan.invalid/problems/"


class ApiProblem(Exception):
    """Raised anywhere in a request; answered as problem+json."""

    def __init__(self, status: int, kind: str, title: tuple[str, str], detail: tuple[str, str],
                 problems: Iterable[Problem] = (), headers: dict[str, str] | None = None):
        self.status, self.kind, self.title, self.detail = status, kind, title, detail
        self.problems = list(problems)
        self.headers = headers or {}
        super().__init__(f"{status} {kind}: {detail[1]}")

    def __reduce__(self):  # raised in a worker process, answered by the server: it travels pickled
        return (ApiProblem, (self.status, self.kind, self.title, self.detail, self.problems, self.headers))

    def body(self, instance: str | None = None) -> dict:
        data = {
            "type": TYPE_BASE + self.kind,
            "title": f"{self.title[0]} / {self.title[1]}",
            "status": self.status,
            "detail": self.detail[0],
            "detail_en": self.detail[1],
            "problems": [p.to_dict() for p in self.problems],
        }
        if instance:
            data["instance"] = instance
        return data

    def response(self, instance: str | None = None) -> JSONResponse:
        return JSONResponse(self.body(instance), status_code=self.status, headers=self.headers,
                            media_type=MEDIA_TYPE)


def from_problems(status: int, kind: str, title: tuple[str, str], problems: list[Problem]) -> ApiProblem:
    """An ApiProblem whose detail is the first problem, all problems listed."""
    first = problems[0] if problems else Problem(path="", vi=title[0], en=title[1])
    where = f"{first.path}: " if first.path else ""
    more_vi = f" (và {len(problems) - 1} lỗi khác)" if len(problems) > 1 else ""
    more_en = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
    return ApiProblem(status, kind, title, (f"{where}{first.vi}{more_vi}", f"{where}{first.en}{more_en}"), problems)


# The HTTP errors the framework raises itself (unknown path, wrong method …).
HTTP_TITLES = {
    400: ("Yêu cầu không hợp lệ", "Bad request"),
    404: ("Không có địa chỉ này", "Not found"),
    405: ("Phương thức không được hỗ trợ", "Method not allowed"),
    406: ("Không có định dạng được yêu cầu", "Not acceptable"),
    413: ("Yêu cầu quá lớn", "Content too large"),
    415: ("Kiểu dữ liệu không được hỗ trợ", "Unsupported media type"),
    500: ("Lỗi máy chủ", "Internal server error"),
    503: ("Dịch vụ đang bận", "Service unavailable"),
}


def http_problem(status: int, detail_en: str, headers: dict[str, str] | None = None) -> ApiProblem:
    title = HTTP_TITLES.get(status, ("Lỗi", "Error"))
    return ApiProblem(status, f"http-{status}", title, (title[0], detail_en or title[1]), headers=headers)
