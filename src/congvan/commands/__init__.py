"""The sub-commands of ``congvan``: one module each, found automatically.

A command module defines ``ORDER`` (its place in ``--help``) and
``add_parser(sub)``, which adds its argparse sub-parser and sets ``func``.
``func(args) -> int`` returns the exit code. Modules import heavy things
inside ``func`` so that ``congvan --help`` stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def modules() -> list[ModuleType]:
    found = [importlib.import_module(f"{__name__}.{info.name}") for info in pkgutil.iter_modules(__path__)
             if not info.name.startswith("_")]
    return sorted((m for m in found if hasattr(m, "add_parser")), key=lambda m: getattr(m, "ORDER", 100))
