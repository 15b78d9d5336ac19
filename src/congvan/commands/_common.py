"""What every command prints the same way."""

from __future__ import annotations

import sys


def print_problems(exc, file=None, heading: str = "Không tạo được văn bản / the document was not created:") -> None:
    """A CongVanError's problems, one per line, Vietnamese / English."""
    out = file or sys.stderr
    print(heading, file=out)
    for problem in exc.problems:
        print(f"  {problem}", file=out)


def cannot_write(path, exc: OSError) -> None:
    reason = exc.strerror or str(exc)
    print(f"Không ghi được tệp {path}: {reason} / cannot write {path}: {reason}", file=sys.stderr)
