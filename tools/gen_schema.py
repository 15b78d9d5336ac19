"""Write docs/congvan.schema.json and docs/co_quan.schema.json (the examples
declare them; a test keeps them current).

    PYTHONPATH=src python tools/gen_schema.py
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from congvan.profile import schema as profile_schema  # noqa: E402
from congvan.schema import form_schema  # noqa: E402


def text() -> str:
    return json.dumps(form_schema(), ensure_ascii=False, indent=2) + "\n"


def profile_text() -> str:
    return json.dumps(profile_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    (ROOT / "docs" / "congvan.schema.json").write_text(text(), encoding="utf-8")
    (ROOT / "docs" / "co_quan.schema.json").write_text(profile_text(), encoding="utf-8")
    print("wrote docs/congvan.schema.json, docs/co_quan.schema.json")
