"""File names a clerk can read: Vietnamese letters kept, nothing dangerous."""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(stem: str, suffix: str, used: set[str] | None = None) -> str:
    """stem made safe for every file system (no separators, no '..', no
    control characters, at most 120 characters), unique among ``used``."""
    text = unicodedata.normalize("NFC", stem)
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"\s+", " ", text).strip(" .-") or "van-ban"
    text = text.replace("..", ".")[:120].rstrip(" .")
    name, n = f"{text}{suffix}", 1
    while used is not None and name.lower() in used:
        n += 1
        name = f"{text} ({n}){suffix}"
    if used is not None:
        used.add(name.lower())
    return name
