#!/usr/bin/env python3
"""Rewrite Field(X, …) with a positional default as Field(default=X, …), so type checkers
(dataclass_transform reads `default=`) see the default.  Idempotent; after a merge that
brings new fields:  python tools/field_default_rewrite.py src/congvan/model/*.py src/congvan/profile.py"""
import re, sys, tokenize, io
from pathlib import Path

KEYWORD = re.compile(r"\s*[A-Za-z_]\w*\s*=(?!=)")

def rewrite(text: str) -> tuple[str, int]:
    out, i, n = [], 0, 0
    for m in re.finditer(r"\bField\(", text):
        start = m.end()
        # the first argument begins after whitespace/newlines
        j = start
        while j < len(text) and (text[j] in " \t\n" or text[j] == "#"):
            if text[j] == "#":
                j = text.index("\n", j)
            j += 1
        if text[j] == ")" or KEYWORD.match(text, j) or text.startswith("**", j) or text.startswith("*", j):
            continue
        out.append(text[i:j]); out.append("default="); i = j; n += 1
    out.append(text[i:])
    return "".join(out), n

total = 0
for path in sys.argv[1:]:
    p = Path(path)
    new, n = rewrite(p.read_text(encoding="utf-8"))
    if n:
        compile(new, path, "exec")
        p.write_text(new, encoding="utf-8")
    print(f"{path}: {n}")
    total += n
print("total", total)
