"""A broken rule of the form, with a stable code and the field it concerns.

Validators raise ``Rule(code, "vi / en", field=…)`` instead of a bare
ValueError: the code (``tuq-with-kt``, ``ky-hieu-spaces`` …) is what a program
tests, the message what a clerk reads, and ``field`` (relative to the model
that checks it) puts a rule that compares fields at the field to change —
``nguoi_ky.chuc_vu``, not ``nguoi_ky``.  Every code is listed, with its meaning,
in ``congvan.errors.CODES``.

A model with rules that compare its fields yields them from
``cross_field_rules()``; its validator raises the first, and
``congvan.validation`` runs them all again on the raw data when other fields
failed, so a form's every problem is reported at once.
"""

from __future__ import annotations

from typing import Iterable


class Rule(ValueError):
    """A rule broken: ``code`` stable, message bilingual ("vi / en"), ``field`` relative."""

    def __init__(self, code: str, message: str, field: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.field = field


def raise_first(violations: Iterable[Rule]) -> None:
    for violation in violations:
        raise violation
