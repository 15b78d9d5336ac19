"""Score `congvan check` on the third-party corpus (tests/fixtures/corpus):
per file the expected and the found ERROR rule ids, then recall on the
breached half and false errors on the correct half.

    PYTHONPATH=src .venv/bin/python tools/corpus_score.py              # static check
    PYTHONPATH=src .venv/bin/python tools/corpus_score.py --layout     # and the PDF measures (LibreOffice)
    PYTHONPATH=src .venv/bin/python tools/corpus_score.py --markdown   # the table for docs/check.md
    PYTHONPATH=src .venv/bin/python tools/corpus_score.py --update-baseline [--layout]

tests/test_check_corpus.py fails on any change against baseline.json: an
improvement is recorded by running --update-baseline and committing it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
BASELINE = CORPUS / "baseline.json"


@dataclass
class Row:
    file: str
    tool: str
    status: str  # correct | breached | out-of-scope
    expected: list[str]
    found: list[str]
    scope_expected: str
    scope_found: str

    @property
    def missed(self) -> list[str]:
        return sorted(set(self.expected) - set(self.found))

    @property
    def false(self) -> list[str]:
        return sorted(set(self.found) - set(self.expected))

    @property
    def verdict(self) -> str:
        parts = []
        if self.scope_expected != self.scope_found:
            parts.append(f"scope {self.scope_found} (expected {self.scope_expected})")
        if self.missed:
            parts.append("missed " + ", ".join(self.missed))
        if self.false:
            parts.append("false " + ", ".join(self.false))
        return "; ".join(parts) or "ok"


def load_table(corpus: Path = CORPUS) -> dict[str, dict]:
    return yaml.safe_load((corpus / "expected.yaml").read_text(encoding="utf-8"))


def scope_of(report) -> str:
    """"out" when the checker says the file is not a state administrative document under NĐ 30."""
    for attr in ("out_of_scope", "not_in_scope"):
        if getattr(report, attr, False):
            return "out"
    scope = getattr(report, "scope", None)
    if scope not in (None, "", "nd30", True):
        return "out"
    return "nd30"


def run(layout: bool = False, corpus: Path = CORPUS) -> list[Row]:
    import congvan

    table = load_table(corpus)
    names = sorted(table)
    reports = congvan.check_all([corpus / n for n in names], layout=layout)
    rows = []
    for name, report in zip(names, reports):
        entry = table[name]
        expected = [r for r in entry["expect"] or [] if layout or not r.startswith("ban-in.")]
        if layout:
            expected += entry.get("expect_layout") or []
        if isinstance(report, Exception):
            found, scope = ["(unreadable)"], "nd30"
        else:
            found, scope = sorted({f.rule for f in report.errors}), scope_of(report)
        rows.append(Row(name, entry["tool"], entry["status"], sorted(set(expected)), found, entry["scope"], scope))
    return rows


def figures(rows: list[Row]) -> dict:
    breached = [r for r in rows if r.status == "breached"]
    correct = [r for r in rows if r.status == "correct"]
    out = [r for r in rows if r.status == "out-of-scope"]
    expected = sum(len(r.expected) for r in breached)
    hit = sum(len(set(r.expected) & set(r.found)) for r in breached)
    return {
        "files": len(rows), "correct": len(correct), "breached": len(breached), "out_of_scope": len(out),
        "breaches_expected": expected, "breaches_found": hit,
        "recall": round(hit / expected, 3) if expected else 1.0,
        "false_errors_correct": sum(len(r.false) for r in correct),
        "correct_files_with_false_error": sum(1 for r in correct if r.false),
        "extra_errors_breached": sum(len(r.false) for r in breached),
        "scope_notices": sum(1 for r in out if r.scope_found == "out"),
        "errors_out_of_scope": sum(len(r.found) for r in out),
    }


def summary(f: dict) -> str:
    return (f"{f['files']} tệp / files: {f['correct']} đúng / correct, {f['breached']} có lỗi / breached, "
            f"{f['out_of_scope']} ngoài phạm vi / out of scope\n"
            f"recall (breached half): {f['breaches_found']}/{f['breaches_expected']} = {f['recall']:.1%}\n"
            f"false errors (correct half): {f['false_errors_correct']} in {f['correct_files_with_false_error']} "
            f"of {f['correct']} files\n"
            f"extra errors (breached half): {f['extra_errors_breached']}\n"
            f"scope notices: {f['scope_notices']}/{f['out_of_scope']}, NĐ 30 errors on out-of-scope files: "
            f"{f['errors_out_of_scope']}")


def text_table(rows: list[Row]) -> str:
    width = max(len(r.file) for r in rows)
    lines = [f"{'file':<{width}}  {'tool':<11}  {'status':<12}  expected → found  [verdict]"]
    for r in rows:
        lines.append(f"{r.file:<{width}}  {r.tool:<11}  {r.status:<12}  {','.join(r.expected) or '-'} → "
                     f"{','.join(r.found) or '-'}  [{r.verdict}]")
    return "\n".join(lines)


def markdown(rows: list[Row], static: dict, layout: dict | None) -> str:
    table = load_table()
    lines = ["| file | tool | status | breach / construct | expected | found (check) | verdict |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        entry = table[r.file]
        what = entry.get("breach") or entry.get("construct") or ""
        lines.append(f"| `{r.file}` | {r.tool} | {r.status} | {what} | {', '.join(r.expected) or '—'} | "
                     f"{', '.join(r.found) or '—'} | {r.verdict} |")
    lines += ["", "```", "check:", summary(static)]
    if layout:
        lines += ["", "check --layout:", summary(layout)]
    lines.append("```")
    return "\n".join(lines)


def per_file(rows: list[Row]) -> dict:
    return {r.file: {"errors": r.found, "scope": r.scope_found} for r in rows}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--layout", action="store_true", help="also measure the PDF (LibreOffice)")
    parser.add_argument("--markdown", action="store_true", help="print the table for docs/check.md")
    parser.add_argument("--update-baseline", action="store_true", help=f"write {BASELINE.name}")
    args = parser.parse_args(argv)
    rows = run(layout=False)
    static = figures(rows)
    layout_rows = run(layout=True) if args.layout else None
    layout = figures(layout_rows) if layout_rows else None
    if args.update_baseline:
        old = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
        old["static"] = {"files": per_file(rows), "figures": static}
        if layout_rows:
            old["layout"] = {"files": per_file(layout_rows), "figures": layout}
        BASELINE.write_text(json.dumps(old, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.markdown:
        print(markdown(rows, static, layout))
        return 0
    print(text_table(rows))
    print()
    print(summary(static))
    if layout_rows:
        print("\n--layout:")
        print(text_table(layout_rows))
        print()
        print(summary(layout))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
