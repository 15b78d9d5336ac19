"""Rewrite templates/*.docx from the rules (run after changing congvan.rules)."""

from pathlib import Path

from congvan.docx import frame

ROOT = Path(__file__).resolve().parent.parent

for mau, name in frame.TEMPLATE_FILES.items():
    (ROOT / "templates" / name).write_bytes(frame.build(mau))
    print("wrote", f"templates/{name}")
