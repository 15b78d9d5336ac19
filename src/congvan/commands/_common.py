"""What every command prints the same way."""

from __future__ import annotations

import sys

#: Set by ``congvan --quiet``: no messages about what went well; problems, findings that
#: fail, warnings and the data a command prints (schema, types, a form on stdout) stay.
QUIET = False


def say(*parts: object, file=None) -> None:
    """An informational message ("Đã tạo / written: …"), silent under --quiet."""
    if not QUIET:
        print(*parts, file=file)


def print_problems(exc, file=None, heading: str = "Không tạo được văn bản / the document was not created:") -> None:
    """A CongVanError's problems, one per line, Vietnamese / English."""
    out = file or sys.stderr
    print(heading, file=out)
    for problem in exc.problems:
        print(f"  {problem}", file=out)


def cannot_write(path, exc: OSError) -> None:
    if getattr(exc, "problems", None):  # refused by the output policy (congvan.files): its own bilingual reason
        problem = exc.problems[0]
        print(f"Không ghi được tệp {path}: {problem.vi} / cannot write {path}: {problem.en}", file=sys.stderr)
        return
    reason = exc.strerror or str(exc)
    print(f"Không ghi được tệp {path}: {reason} / cannot write {path}: {reason}", file=sys.stderr)
