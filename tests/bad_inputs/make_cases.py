"""Writes the small case files of the catalogue from one good form (run once;
the files are committed).  Large cases (a YAML bomb, a 10,000-task plan, deep
JSON, a 6 MB file) are made at test time by ``large_case`` below, so the
repository stays small.

    PYTHONPATH=src python tests/bad_inputs/make_cases.py
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

GOOD = {
    "loai": "cong-van",
    "co_quan_ban_hanh": {"ten": "Sở Nội vụ", "viet_tat": "SNV"},
    "don_vi_soan_thao": "VP",
    "so": 12,
    "dia_danh": "Khánh Hòa",
    "ngay": "18/8/2025",
    "trich_yeu": "đề nghị rà soát danh mục hồ sơ năm 2025",
    "kinh_gui": ["Các sở, ban, ngành tỉnh"],
    "noi_dung": ["Sở Nội vụ đề nghị các cơ quan rà soát danh mục hồ sơ năm 2025."],
    "noi_nhan": ["Giám đốc Sở"],
    "nguoi_ky": {"ky_thay": "Giám đốc", "chuc_vu": "Phó Giám đốc", "ho_ten": "Phan Văn Đức"},
}


def form(**changes) -> dict:
    data = json.loads(json.dumps(GOOD))
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


CASES: dict[str, str | bytes] = {
    "so-la-chu.yaml": dump(form(so="mười hai")),
    "thieu-nguoi-ky.yaml": dump(form(nguoi_ky=None)),
    "truong-la.yaml": dump({**form(), "nguoi_nhan": ["A"]}),
    "ngay-khong-co.yaml": dump(form(ngay="30/02/2025")),
    "so-qua-lon.yaml": dump(form(so=100000)),
    "so-am.yaml": dump(form(so=-3)),
    "trich-yeu-5000.yaml": dump(form(trich_yeu="rà soát " * 625)),
    "kinh-gui-rong.yaml": dump(form(kinh_gui=[])),
    "noi-nhan-trung.yaml": dump(form(noi_nhan=["Giám đốc Sở", "Các phòng", "giám đốc sở"])),
    "loai-sai.yaml": dump(form(loai="cong_van")),
    "ky-hieu-co-dau-cach.yaml": dump(form(ky_hieu="SNV VP")),
    "tm-tuq.yaml": dump(form(nguoi_ky={"thua_uy_quyen": "Giám đốc", "ky_thay": "Giám đốc", "chuc_vu": "Phó Giám đốc",
                                       "ho_ten": "A"})),
    "khoi-la.yaml": dump(form(noi_dung=[{"bang": ["A"]}])),
    # numbering schemes and task deadlines (issue 13)
    "danh-so-la.yaml": dump(form(danh_so="la-ma-moi")),
    "cap-la.yaml": dump(form(danh_so={"kieu": "so", "cap": {"tieu-khoan": {"khoan_so_dam": True}}})),
    "thoi-han-nguoc.yaml": dump(form(loai="ke-hoach", kinh_gui=None, don_vi_soan_thao=None, trich_yeu="Kế hoạch năm 2026",
                                     noi_dung=[{"nhiem_vu": [{"noi_dung": "Rà soát hồ sơ.", "chu_tri": "Văn phòng",
                                                              "thoi_han": "09/7/2026 - 29/6/2026"}]}])),
    "nfd.yaml": dump(form(trich_yeu="đề nghị rà soát danh mục hồ sơ".encode().decode())).replace(
        "đề nghị rà soát", __import__("unicodedata").normalize("NFD", "đề nghị rà soát")),
    "ky-tu-dieu-khien.yaml": dump(form(trich_yeu="rà soát\x0b hồ sơ")),
    "zero-width.yaml": dump(form(trich_yeu="rà soát\u200b hồ sơ")),
    "bidi.yaml": dump(form(noi_dung=["Số tài khoản \u202e1234\u202c."])),
    "tab-trong-ten.yaml": dump(form(nguoi_ky={"chuc_vu": "Giám đốc", "ho_ten": "Phan\tVăn Đức"})),
    "xuong-dong-trong-ten.yaml": dump(form(nguoi_ky={"chuc_vu": "Giám đốc", "ho_ten": "Phan\nVăn Đức"})),
    "markdown-khong-dong.yaml": dump(form(noi_dung=["Hạn chót **trước ngày 15/12/2025 và 5*3 = 15."])),
    "jinja-xml.yaml": dump(form(noi_dung=["{{ 7*7 }} {% for x in y %} <w:p/> &amp; ]]> GD&ĐT"])),
    "lone-surrogate.json": json.dumps(form(trich_yeu="rà soát \ud800 hồ sơ")),
    "cp1258.yaml": dump(form()).encode("utf-8").replace("Khánh Hòa".encode(), "Khánh Hòa".encode("cp1258", "replace")),
    "rong.yaml": "",
    "danh-sach.yaml": dump([form()]),
    "tab-thut-le.yaml": dump(form()).replace("  ky_thay", "\tky_thay"),
    "khoa-lap.yaml": dump(form()) + "so: 13\n",
    "anh-png.yaml": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    "json-loi.json": json.dumps(form())[:-20],
    "csv-cp1258.csv": "so;ten\n1;Văn thư\n".encode("cp1258"),
    "csv-thieu-cot.csv": "so\n1\n",
    # Nơi nhận and ô 12 (issue 14)
    "nhom-mot-noi.yaml": dump(form(noi_nhan=[{"nhom": ["Bộ Nội vụ"], "ghi_chu": "để b/c"}, "Các phòng"])),
    "kieu-o12-la.yaml": dump(form(kieu_o12="don-vi-ngoac", nguoi_soan_thao={"ky_hieu": "bnt"})),
    # agency profiles (co_quan.yaml): a form that leaves the agency to its profile, and bad profiles
    "ho-so-truong-la.yaml": dump({"loai": "cong-van", "ho_so": "co-quan-truong-la.yaml",
                                  **form(loai=None, co_quan_ban_hanh=None, dia_danh=None, nguoi_ky=None)}),
    "co-quan-truong-la.yaml": dump({"co_quan_ban_hanh": {"ten": "Sở Nội vụ", "viet_tat": "SNV"},
                                    "dia_danh": "Khánh Hòa", "ten_co_quan": "Sở Nội vụ",
                                    "nguoi_ky": {"giam-doc": GOOD["nguoi_ky"]}}),
    "ho-so-nguoi-ky-la.yaml": dump({"loai": "cong-van", "ho_so": "co-quan-tot.yaml", "nguoi_ky": "chanh-van-phong",
                                    **form(loai=None, co_quan_ban_hanh=None, dia_danh=None, nguoi_ky=None)}),
    "co-quan-tot.yaml": dump({"co_quan_ban_hanh": {"ten": "Sở Nội vụ", "viet_tat": "SNV"}, "dia_danh": "Khánh Hòa",
                              "nguoi_ky": {"giam-doc": GOOD["nguoi_ky"]}}),
    "co-quan-ngay.yaml": dump({"dia_danh": "Khánh Hòa", "ngay": "18/8/2025"}),
}


def _png(width: int = 40, height: int = 40, phys: int | None = None, cut: bool = False, bad_crc: bool = False,
         claimed: tuple[int, int] | None = None) -> bytes:
    """A small red RGBA PNG, or a damaged one (issue 16: PNGs were checked by their header only)."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) ^ (1 if bad_crc and kind == b"IDAT" else 0)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    w, h = claimed or (width, height)
    raw = b"".join(b"\0" + b"\xff\0\0\xff" * width for _ in range(height))
    idat = zlib.compress(raw)
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
    extra = chunk(b"pHYs", struct.pack(">IIB", phys, phys, 1)) if phys else b""
    data = b"\x89PNG\r\n\x1a\n" + ihdr + extra + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    return data[: len(data) - 40] if cut else data


def _with_seal(image: str) -> str:
    return dump(form(nguoi_ky={**GOOD["nguoi_ky"], "anh_dau": image}))


# Issue 16 (reliability, round 2): every defect class of the hostile-input review.
CASES.update({
    "the-yaml-la.yaml": dump(form()).replace("so: 12", "so: !foo 12"),
    "so-5000-chu-so.yaml": dump(form()).replace("so: 12", "so: " + "9" * 5000),
    "timestamp-sai.yaml": dump(form()).replace("ngay: 18/8/2025", "ngay: !!timestamp 2024-02-30"),
    "the-binary.yaml": dump(form()).replace("so: 12", "so: !!binary aGVsbG8="),
    "so-1e400.json": json.dumps(form()).replace('"so": 12', '"so": 1e400'),
    "so-nan.json": json.dumps(form()).replace('"so": 12', '"so": NaN'),
    "khoa-lap.json": json.dumps(form()).replace('"so": 12', '"so": 12, "so": 13'),
    "ky-hieu-dieu-khien.yaml": dump(form(ky_hieu="SNV\x01VP")),
    "ky-hieu-surrogate.json": json.dumps(form(ky_hieu="SNV\ud800")),
    "ky-hieu-bidi.yaml": dump(form(ky_hieu="SNV\u202eVP")),
    "ky-hieu-dai.yaml": dump(form(ky_hieu="SNV" * 40)),
    "so-true.yaml": dump(form(so=True)),
    "so-ban-true.yaml": dump(form(nguoi_soan_thao={"ky_hieu": "NVA", "so_ban": True})),
    "so-tien-true.yaml": dump(form(noi_dung=[{"so_tien": True, "noi_dung": "Tổng kinh phí:"}])),
    "u2028-trong-ten.yaml": dump(form(nguoi_ky={**GOOD["nguoi_ky"], "ho_ten": "Phan\u2028Văn Đức"})),
    "u2029-dia-danh.yaml": dump(form(dia_danh="Khánh\u2029Hòa")),
    "ky-tu-tag.yaml": dump(form(dia_danh="Khánh Hòa\U000e0041")),
    "dong-1500.yaml": dump(form(dia_danh="Khánh Hòa " * 150)),
    "anh-cat-cut.yaml": _with_seal("cat-cut.png"),
    "cat-cut.png": _png(cut=True),
    "anh-sai-crc.yaml": _with_seal("sai-crc.png"),
    "sai-crc.png": _png(bad_crc=True),
    "anh-phys-1.yaml": _with_seal("phys-1.png"),
    "phys-1.png": _png(phys=1),
    "anh-qua-rong.yaml": _with_seal("qua-rong.png"),
    "qua-rong.png": _png(width=1, height=1, claimed=(30000, 1)),
    "anh-thieu-du-lieu.yaml": _with_seal("thieu-du-lieu.png"),
    "thieu-du-lieu.png": _png(claimed=(80, 80)),
    "anh-dev-zero.yaml": _with_seal("/dev/zero"),
    "anh-fifo.yaml": _with_seal("dau.fifo"),
    "csv-ten.csv": "ten\nA\nB\n",
})


def main() -> None:
    FILES.mkdir(exist_ok=True)
    for name, content in CASES.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
        (FILES / name).write_bytes(data)
    (FILES / "tron.yaml").write_text(dump(form(noi_dung=["Kính gửi «ten»."])), encoding="utf-8")
    print(f"wrote {len(CASES) + 1} files in {FILES}")


if __name__ == "__main__":
    main()


# --- DOCX given to `congvan check`: made at test time from a good document ------------------

def docx_case(kind: str, good: bytes) -> bytes:
    """A hostile or broken DOCX made from ``good`` (the bytes of a valid one)."""
    import io
    import zipfile

    def repack(change) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                dst.writestr(info.filename, change(info.filename, src.read(info.filename)))
            if kind == "docm":
                dst.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
        return out.getvalue()

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    if kind in ("bad-crc", "bad-compression"):  # one member damaged in the central directory
        raw = bytearray(repack(lambda name, data: data))
        member = b"docProps/app.xml"
        entry = raw.find(b"PK\x01\x02" + bytes(raw[raw.find(b"PK\x01\x02") + 4:][:0]))
        while raw[entry + 46: entry + 46 + len(member)] != member:
            entry = raw.find(b"PK\x01\x02", entry + 4)
        if kind == "bad-crc":
            raw[entry + 16] ^= 0xFF  # the CRC-32 the reader will compare
        else:
            raw[entry + 10] = 99  # compression method 99 (AES), which zipfile cannot read
            local = int.from_bytes(raw[entry + 42: entry + 46], "little")
            raw[local + 8] = 99
        return bytes(raw)
    if kind == "fixable":  # a good document: --fix has nothing to correct, but writes its copy
        return good
    if kind == "truncated":
        return good[: len(good) * 2 // 3]
    if kind == "zip-bomb":  # one part that inflates to 300 MB from about 300 KB
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                if info.filename != "word/document.xml":
                    dst.writestr(info.filename, src.read(info.filename))
            with dst.open("word/document.xml", "w") as part:
                chunk = b" " * (1 << 20)
                for _ in range(300):
                    part.write(chunk)
        return out.getvalue()
    if kind == "xxe":  # billion laughs in document.xml
        entities = '<!ENTITY a "ha">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
        return repack(lambda name, data: data.replace(
            b"?>", f'?><!DOCTYPE w:document [{entities}]>'.encode(), 1).replace(
            b"<w:t>", b"<w:t>&j;", 1) if name == "word/document.xml" else data)
    if kind == "docm":  # macro-enabled, renamed to .docx
        return repack(lambda name, data: data.replace(
            b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")
            if name == "[Content_Types].xml" else data)
    if kind in ("doc", "encrypted"):  # both are OLE compound files
        return ole + (b"EncryptedPackage" if kind == "encrypted" else b"WordDocument") * 64
    if kind == "pdf":
        return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\n"
    if kind == "empty":
        return b""
    if kind == "no-document":  # a zip, but not a Word package (an .xlsx, say)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            dst.writestr("[Content_Types].xml", '<Types><Override ContentType="spreadsheetml.sheet.main+xml"/></Types>')
        return out.getvalue()
    raise ValueError(kind)
