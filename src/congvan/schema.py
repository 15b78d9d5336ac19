"""The JSON Schema of the form, generated from the model (never written by hand)."""

from __future__ import annotations

from .model import VanBan

SCHEMA_ID = "https://congvan.invalid/schema/van-ban.json"


def form_schema() -> dict:
    schema = VanBan.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema
