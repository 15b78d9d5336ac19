"""The JSON Schema of the form, generated from the model (never written by hand).

Every field's title is the Vietnamese part of its description ("Cơ quan ban
hành"), so editors and e-office input screens built from the schema speak
the clerk's language; the description keeps both languages.
"""

from __future__ import annotations

import re

from .model import VanBan

SCHEMA_ID = "https://congvan.invalid/schema/van-ban.json"

_CUT = re.compile(r" \(|, ví dụ|: | ví dụ|;")


def form_schema() -> dict:
    from .profile import relax

    return relax(finish(VanBan.model_json_schema(by_alias=True), SCHEMA_ID))


def finish(schema: dict, schema_id: str) -> dict:
    """A model's schema as published: draft 2020-12, its $id, Vietnamese titles."""
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = schema_id
    _titles(schema)
    return schema


def vietnamese_title(description: str) -> str:
    vi = description.split(" / ")[0].strip()
    return _CUT.split(vi, maxsplit=1)[0].strip().rstrip(".,") or vi


def _titles(node: object) -> None:
    if isinstance(node, dict):
        for prop in (node.get("properties") or {}).values():
            if isinstance(prop, dict) and prop.get("description"):
                prop["title"] = vietnamese_title(prop["description"])
        for value in node.values():
            _titles(value)
    elif isinstance(node, list):
        for value in node:
            _titles(value)
