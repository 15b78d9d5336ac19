"""PNG images for electronic signing: their pixel size and physical size.

The seal is placed at its actual size (Phụ lục I §II.8: "kích thước bằng
kích thước thực tế"), which a PNG carries in its pHYs chunk; without it
congvan uses the common sizes in ``rules``.
"""

from __future__ import annotations

import struct
import zlib
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
    from .files import FileRefused, read_bounded

    try:
        data = read_bounded(path, MAX_IMAGE_BYTES, ("ảnh", "image"))
    except FileRefused as exc:
        problem = exc.problems[0]
        raise ValueError(f"{problem.vi} / {problem.en}") from None
    return parse_png(data, str(path))


def parse_png(data: bytes, name: str = "ảnh") -> Png:
    """Every chunk's CRC checked, the IDAT stream inflated (in bounded pieces,
    nothing kept) to exactly the size the header promises, the pixel and the
    physical size bounded: a truncated or forged PNG is refused here rather
    than embedded broken."""
    if not data.startswith(PNG_SIGNATURE):
        raise _bad(name, "không phải ảnh PNG", "is not a PNG image")
    chunks = list(_chunks(data, name))
    if not chunks or chunks[0][0] != b"IHDR" or len(chunks[0][1]) != 13:
        raise _bad(name, "không phải ảnh PNG (thiếu IHDR)", "is not a PNG image (no IHDR)")
    width, height, depth, colour, compression, filtering, interlace = struct.unpack(">IIBBBBB", chunks[0][1])
    if colour not in _CHANNELS or depth not in _DEPTHS[colour] or compression or filtering or interlace > 1:
        raise _bad(name, "tiêu đề PNG không hợp lệ", "has an invalid PNG header")
    if not (0 < width <= MAX_SIDE_PX and 0 < height <= MAX_SIDE_PX):
        raise _bad(name, f"kích thước {width}×{height} điểm ảnh, cho phép tối đa {MAX_SIDE_PX} mỗi chiều",
                   f"is {width}×{height} pixels; at most {MAX_SIDE_PX} a side")
    kinds = [kind for kind, _ in chunks]
    if kinds[-1] != b"IEND" or b"IDAT" not in kinds or (colour == 3 and b"PLTE" not in kinds):
        raise _bad(name, "ảnh PNG thiếu phần (bị cắt cụt?)", "is an incomplete PNG (truncated?)")
    idat = [body for kind, body in chunks if kind == b"IDAT"]
    _inflate_exactly(idat, _raw_size(width, height, _CHANNELS[colour] * depth, interlace), name)
    dots = None
    for kind, body in chunks:
        if kind == b"pHYs" and len(body) == 9:
            x, _y, unit = struct.unpack(">IIB", body)
            dots = x / 1000 if unit == 1 and x else None  # pixels per metre → per mm
    png = Png(data, width, height, dots)
    if dots:
        w_mm, h_mm = png.size_mm(0)
        if not (MIN_SIDE_MM <= min(w_mm, h_mm) and max(w_mm, h_mm) <= MAX_SIDE_MM):
            raise _bad(name, f"kích thước thật {w_mm:.0f}×{h_mm:.0f} mm (theo pHYs) không hợp lý, cho phép"
                       f" {MIN_SIDE_MM}–{MAX_SIDE_MM} mm: lưu lại ảnh với độ phân giải đúng",
                       f"has a physical size of {w_mm:.0f}×{h_mm:.0f} mm (from pHYs), outside"
                       f" {MIN_SIDE_MM}–{MAX_SIDE_MM} mm: save it again with the right resolution")
    return png


MAX_SIDE_PX = 5000  # a seal scanned at 600 dpi is ~1000 px across
MIN_SIDE_MM, MAX_SIDE_MM = 3, 150  # a seal is ~35–40 mm, a signature ~50 mm; the page is 210 mm wide
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_DEPTHS = {0: (1, 2, 4, 8, 16), 2: (8, 16), 3: (1, 2, 4, 8), 4: (8, 16), 6: (8, 16)}
_ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2))


def _bad(name: str, vi: str, en: str) -> ValueError:
    return ValueError(f"Ảnh {name} {vi} / image {name} {en}")


def _chunks(data: bytes, name: str):
    pos = len(PNG_SIGNATURE)
    while pos < len(data):
        if pos + 12 > len(data):
            raise _bad(name, "bị cắt cụt", "is truncated")
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        end = pos + 8 + length
        if end + 4 > len(data):
            raise _bad(name, "bị cắt cụt", "is truncated")
        body = data[pos + 8:end]
        if zlib.crc32(kind + body) != struct.unpack(">I", data[end:end + 4])[0]:
            raise _bad(name, f"bị hỏng (sai CRC ở phần {kind.decode('latin-1')})",
                       f"is damaged (bad CRC in its {kind.decode('latin-1')} chunk)")
        yield kind, body
        if kind == b"IEND":
            return
        pos = end + 4


def _raw_size(width: int, height: int, bits: int, interlace: int) -> int:
    """Bytes of the filtered image data: each row a filter byte then its pixels."""
    passes = _ADAM7 if interlace else ((0, 0, 1, 1),)
    total = 0
    for x0, y0, dx, dy in passes:
        w, h = (width - x0 + dx - 1) // dx, (height - y0 + dy - 1) // dy
        if w and h:
            total += h * (1 + (w * bits + 7) // 8)
    return total


def _inflate_exactly(idat: list[bytes], expected: int, name: str) -> None:
    inflater, size = zlib.decompressobj(), 0
    try:
        for piece in idat:
            while piece:
                out = inflater.decompress(piece, 1 << 20)
                size += len(out)
                if size > expected:
                    break
                piece = inflater.unconsumed_tail
        size += len(inflater.flush())
    except zlib.error:
        raise _bad(name, "có dữ liệu ảnh bị hỏng", "has damaged image data") from None
    if size != expected or not inflater.eof:
        raise _bad(name, "có dữ liệu ảnh không đủ hoặc thừa (bị cắt cụt?)",
                   "has too little or too much image data (truncated?)")
