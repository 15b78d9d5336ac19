"""Every problem of a form at once: ``congvan.validate(data | text)``.

Pydantic stops a model at its fields: while one field is wrong, the rules that
compare fields (``Rule`` in ``model/rule.py``: TUQ. with KT., a công văn without
Kính gửi …) do not run, so a clerk would fix one round of errors only to meet
the next.  This module runs those rules a second time, on the raw data, each
model built without validation (``model_construct``) along the form's own
structure, and adds what they find to the field problems.  A rule that cannot
read raw data (a wrong type where it looks) is skipped: the field problem
already says what is wrong there.
"""

from __future__ import annotations

import os
import types
import typing
from typing import Any, Iterator, Mapping

from pydantic import BaseModel, ValidationError

from .errors import Position, Problem, join_path, locate, problems_from_validation


def validate(form: Any, *, name: str | None = None) -> list[Problem]:
    """Every problem of a form, located and coded; ``[]`` when it is a valid document.

    ``form``: the form's data (a dict, as read from JSON/YAML), its text (YAML or
    JSON), or a form file (a Path).  Reading problems (syntax, encoding, duplicate
    keys) come as problems too.
    """
    from .errors import FormError
    from .forms import Form
    from .model import VanBan

    try:
        if isinstance(form, str):
            read = Form.from_text(form, name)
        elif isinstance(form, os.PathLike):
            read = Form.read(form)
        else:
            read = Form(form, name=name)
        read.model(VanBan)
    except FormError as exc:
        return exc.problems
    return []


def all_problems(cls: type[BaseModel], data: Any, exc: ValidationError,
                 positions: Mapping[str, Position] | None = None, file: str | None = None) -> list[Problem]:
    """The field problems pydantic found, then the cross-field rules it could not reach."""
    problems = problems_from_validation(exc, positions or {}, file)
    seen = {(p.path, p.code) for p in problems}
    for path, rule in cross_field_violations(cls, data):
        where = join_path([*path, rule.field] if rule.field else path)
        if (where, rule.code) in seen:
            continue
        seen.add((where, rule.code))
        vi, _, en = str(rule).partition(" / ")
        line, column = locate(where, positions or {})
        problems.append(Problem(path=where, vi=vi.strip(), en=(en or vi).strip(), file=file, line=line,
                                column=column, code=rule.code))
    return problems


def cross_field_violations(cls: type[BaseModel], data: Any) -> list[tuple[tuple, Any]]:
    found: list[tuple[tuple, Any]] = []
    _build(cls, data, (), found)
    return found


def _build(cls: type[BaseModel], data: Any, path: tuple, found: list) -> Any:
    """``cls`` built from raw ``data`` without validation, its rules' violations collected."""
    if not isinstance(data, dict):
        return data
    values = {}
    for name, info in cls.model_fields.items():
        key = info.alias or name
        if key in data:
            values[name] = _value(info.annotation, data[key], (*path, key), found)
    instance = cls.model_construct(**values)
    checks = instance.rule_checks() if hasattr(instance, "rule_checks") else [
        getattr(instance, "cross_field_rules", lambda: ())]
    for check in checks:
        try:
            found.extend((path, rule) for rule in list(check()))
        except Exception:  # raw data a rule cannot read: its field's own problem says enough
            continue
    return instance


def _value(annotation: Any, value: Any, path: tuple, found: list) -> Any:
    if isinstance(value, list):
        item = _list_item(annotation)
        return [_value(item, v, (*path, i), found) for i, v in enumerate(value)] if item is not None else value
    model = _model_for(annotation, value)
    return _build(model, value, path, found) if model is not None else value


def alternatives(annotation: Any) -> list[Any]:
    """The types a field's annotation allows: Annotated unwrapped, unions flattened."""
    if typing.get_origin(annotation) is typing.Annotated:
        return alternatives(typing.get_args(annotation)[0])
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return [alt for arg in typing.get_args(annotation) for alt in alternatives(arg)]
    return [annotation]


def _list_item(annotation: Any) -> Any:
    return next((typing.get_args(a)[0] for a in alternatives(annotation) if typing.get_origin(a) is list), None)


def _model_for(annotation: Any, value: Any) -> type[BaseModel] | None:
    """The model a raw mapping stands for: the only one the field allows, or the
    one a discriminated union (body blocks) picks by its tag."""
    if not isinstance(value, dict):
        return None
    tagged = _tagged_union(annotation)
    if tagged is not None:
        discriminator, members = tagged
        return members.get(discriminator(value))
    models = [a for a in alternatives(annotation) if isinstance(a, type) and issubclass(a, BaseModel)]
    return models[0] if len(models) == 1 else None


def _tagged_union(annotation: Any) -> tuple[Any, dict[str, type[BaseModel]]] | None:
    from pydantic import Discriminator, Tag

    if typing.get_origin(annotation) is not typing.Annotated:
        return None
    union, *metadata = typing.get_args(annotation)
    discriminator = next((m.discriminator for m in metadata if isinstance(m, Discriminator)
                          and callable(m.discriminator)), None)
    if discriminator is None:
        return None
    members = {}
    for member in typing.get_args(union):
        if typing.get_origin(member) is typing.Annotated:
            inner, *tags = typing.get_args(member)
            for tag in tags:
                if isinstance(tag, Tag) and isinstance(inner, type) and issubclass(inner, BaseModel):
                    members[tag.tag] = inner
    return discriminator, members


