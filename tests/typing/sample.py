"""A user's script: what an e-office developer writes against congvan's public API.
tests/test_typing.py runs mypy --strict and pyright --strict on it; both must be silent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import congvan
from congvan import followup, merge
from congvan import CoQuan, DanhSachNhiemVu, Gach, Muc, Ngay, NguoiKy, NhiemVu, NoiNhan, Problem, VanBan


def plan(year: int) -> VanBan:
    return VanBan(
        loai="ke-hoach",
        co_quan_chu_quan=CoQuan(ten="UBND tỉnh Khánh Hòa"),
        co_quan_ban_hanh=CoQuan(ten="Sở Nội vụ", viet_tat="SNV"),
        so=12,
        dia_danh="Khánh Hòa",
        ngay=Ngay(ngay=5, thang=1, nam=year),
        trich_yeu=f"công tác văn thư, lưu trữ năm {year}",
        noi_dung=[
            Muc(muc="Mục đích, yêu cầu", noi_dung=["Nâng cao chất lượng công tác văn thư."]),
            Muc(muc="Nhiệm vụ", noi_dung=[DanhSachNhiemVu(nhiem_vu=[
                NhiemVu(noi_dung="Tập huấn nghiệp vụ", chu_tri="Văn phòng Sở", thoi_han=dt.date(year, 6, 30)),
            ])]),
            Gach(gach=["Báo cáo kết quả trước ngày 15/12."]),
        ],
        noi_nhan=["UBND tỉnh (để báo cáo)", NoiNhan(ten="Các phòng thuộc Sở", ghi_chu="để thực hiện")],
        nguoi_ky=NguoiKy(ky_thay="Giám đốc", chuc_vu="Phó Giám đốc", ho_ten="Phan Văn Đức"),
    )


def messages(problems: list[Problem]) -> list[str]:
    return [f"{p.code} {p.path}: {p.vi} / {p.en} (line {p.line})" for p in problems]


def main(out: Path) -> int:
    doc = plan(2026)
    data: bytes = congvan.render_bytes(doc)
    written: Path = congvan.render(doc, out / "ke-hoach.docx")
    files: list[Path] = congvan.render_files(doc, out / "ke-hoach-2.docx")
    loaded: VanBan = congvan.load(Path("examples/003-ke-hoach-ubnd-khanh-hoa-2025.yaml"))
    problems: list[Problem] = congvan.validate({"loai": "cong-van"})
    problems += congvan.validate("loai: cong-van\n", name="don.yaml")
    try:
        congvan.render(loaded, out / "x.docx", template=out / "mau.docx")
    except congvan.TemplateError as exc:
        problems += exc.problems
    except congvan.CongVanError as exc:
        problems += exc.problems
    report = congvan.check(data)
    errors = [f"{f.rule}: {f.message_en}" for f in report.errors]
    for result in congvan.check_all([written, data]):
        if isinstance(result, congvan.Report):
            errors += [f.rule for f in result.warnings]
    fixed = congvan.fix(written, out / "da-sua.docx")
    errors += [f.rule for f in fixed.remaining]
    for row in merge.documents(doc, [{"so": "13"}, {"so": "14"}]):
        if row.doc is not None:
            errors.append(row.doc.trich_yeu or "")
        errors += [p.en for p in row.problems]
    for agency, letter in followup.letters(doc, "15/12/2026", don_vi_soan_thao="VP"):
        errors.append(f"{agency}: {letter.loai}")
    print(written.name, len(files), loaded.trich_yeu, report.ok, errors, *messages(problems), sep="\n")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main(Path(".")))
