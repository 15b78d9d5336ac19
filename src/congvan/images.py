"""PNG images for electronic signing: their pixel size and physical size.

The seal is placed at its actual size (Phụ lục I §II.8: "kích thước bằng
kích thước thực tế"), which a PNG carries in its pHYs chunk; without it
congvan uses the common sizes in ``rules``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class Png:
    data: bytes
    width_px: int
    height_px: int
    dots_per_mm: float | None  # from pHYs, when the image says

    def size_mm(self, default_width_mm: float) -> tuple[float, float]:
        if self.dots_per_mm:
            return self.width_px / self.dots_per_mm, self.height_px / self.dots_per_mm
        return default_width_mm, default_width_mm * self.height_px / self.width_px


def read_png(path: str | Path) -> Png:
    """The PNG at path; ValueError (bilingual) if it is not a usable PNG."""
    p = Path(path)
    try:
        data = p.read_bytes() if p.stat().st_size <= MAX_IMAGE_BYTES else b""
    except OSError as exc:
        raise ValueError(f"Không đọc được ảnh {p}: {exc.strerror} / cannot read image {p}: {exc.strerror}") from None
    if not data:
        raise ValueError(f"Ảnh {p} lớn hơn 5 MB / image {p} is larger than 5 MB")
    return parse_png(data, str(p))


def parse_png(data: bytes, name: str = "ảnh") -> Png:
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise ValueError(f"{name} không phải ảnh PNG / {name} is not a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= 20000 and 0 < height <= 20000):
        raise ValueError(f"{name}: kích thước ảnh không hợp lệ / {name}: invalid image size")
    dots = None
    pos = 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"pHYs" and length == 9:
            x, _y, unit = struct.unpack(">IIB", data[pos + 8:pos + 17])
            dots = x / 1000 if unit == 1 and x else None  # pixels per metre → per mm
        if kind in (b"IDAT", b"IEND"):
            break
        pos += 12 + length
    return Png(data, width, height, dots)
