"""The checker's rules as data: what each one judges, the clause it applies,
how serious a breach is, and whether ``--fix`` may repair it and how.

Requirement values are not retyped here: the check functions (checks/)
read them from ``congvan.rules`` — the module the renderer uses.  This table
names and cites the rules; ``docs/check.md`` is generated from it.

Severity: ``error`` for a clear breach of the decree's text; ``warning`` for
what only its samples and templates show, or what it leaves to the issuing
body.  A rule that cannot judge a file says so ("not evaluated"); it never
passes silently.
"""

from __future__ import annotations

from dataclasses import dataclass

PL = "Phụ lục I"


@dataclass(frozen=True)
class Rule:
    id: str
    o: int | None  # box (ô số) of the layout diagram, Phụ lục I Mục IV; None for page-wide rules
    vi: str  # short name a clerk uses
    en: str
    clause: str  # where the decree says it
    severity: str = "error"  # "error" | "warning"
    fix: str = ""  # what --fix does; "" = left to the clerk
    layout: bool = False  # judged on the rendered PDF (--layout, needs LibreOffice)

    @property
    def name(self) -> str:
        return f"{self.vi} / {self.en}"


RULES: list[Rule] = [
    # --- the page (Phụ lục I, Phần I, Mục I) ---
    Rule("trang.kho-giay", None, "Khổ giấy A4, trang đứng", "A4 paper, portrait", f"{PL}, Mục I.1–2",
         fix="đặt khổ A4 / set A4"),
    Rule("trang.le", None, "Lề trang", "page margins", f"{PL}, Mục I.3",
         fix="đưa lề về giá trị thông dụng / set the usual margin"),
    Rule("phong-chu", None, "Phông Times New Roman cho chữ của văn bản", "Times New Roman for the document's text",
         f"{PL}, Mục I.4", fix="đặt Times New Roman cho mọi ô phông / set Times New Roman in every slot"),
    Rule("trang.so-trang", None, "Số trang: giữa lề trên, từ trang 2, cỡ 13–14",
         "page numbers: centred in the top margin, from page 2, 13–14 pt", f"{PL}, Mục I.7"),
    # --- ô 1 ---
    Rule("o1.quoc-hieu", 1, "Quốc hiệu: in hoa, đậm, cỡ 12–13", "national name: upper case, bold, 12–13 pt",
         f"{PL}, Mục II.1.a", fix="đặt cỡ, đậm / set size and bold"),
    Rule("o1.tieu-ngu", 1, "Tiêu ngữ: đậm, cỡ 13–14, gạch nối có cách chữ",
         "motto: bold, 13–14 pt, spaced hyphens", f"{PL}, Mục II.1.b", fix="đặt cỡ, đậm / set size and bold"),
    Rule("quoc-hieu-gian-dong", 1, "Quốc hiệu và Tiêu ngữ cách nhau dòng đơn",
         "single spacing between the national title and the motto", f"{PL}, Mục II.1",
         fix="bỏ khoảng cách thêm / remove the extra space"),
    Rule("o1.duong-ke", 1, "Đường kẻ dưới Tiêu ngữ, dài bằng dòng chữ", "rule under the motto, as long as it",
         f"{PL}, Mục II.1.b"),
    # --- ô 2 ---
    Rule("o2.chu-quan", 2, "Cơ quan chủ quản: in hoa, không đậm, cỡ 12–13",
         "parent body: upper case, not bold, 12–13 pt", f"{PL}, Mục II.2.b", fix="bỏ đậm, đặt cỡ / unbold, set size"),
    Rule("o2.ban-hanh", 2, "Cơ quan ban hành: in hoa, đậm, cỡ 12–13", "issuing body: upper case, bold, 12–13 pt",
         f"{PL}, Mục II.2.b", fix="đặt cỡ, đậm / set size and bold"),
    Rule("o2.duong-ke", 2, "Đường kẻ dưới tên cơ quan: 1/3–1/2 dòng chữ, giữa",
         "rule under the issuing body: 1/3–1/2 of its line, centred", f"{PL}, Mục II.2.b"),
    # --- ô 3, 4 ---
    Rule("o3.so-ky-hieu", 3, "Số, ký hiệu: “Số:”, số 0 dưới 10, “/”, “-”, chữ viết tắt đúng (TTr, QyĐ, CTr)",
         "number: “Số:”, leading 0 below 10, “/”, “-”, abbreviations as listed (TTr, QyĐ, CTr)",
         f"{PL}, Mục II.3; Phụ lục III, Mục I", fix="thêm số 0, đặt cỡ / add the 0, set the size"),
    Rule("o4.dia-danh-ngay", 4, "Địa danh, ngày tháng năm: nghiêng, số 0 ở ngày dưới 10 và tháng 1, 2",
         "place and date: italic, 0 before days below 10 and months 1–2", f"{PL}, Mục II.4",
         fix="sửa số 0, nghiêng, đặt cỡ / fix zeros, italics, size"),
    # --- ô 5 ---
    Rule("o5.ten-loai", 5, "Tên loại và trích yếu: in hoa đậm / đậm, giữa",
         "type name and subject: upper bold / bold, centred", f"{PL}, Mục II.5", fix="đặt cỡ, đậm / set size and bold"),
    Rule("o5.vv", 5, "Trích yếu công văn “V/v …”, cỡ 12–13, không đậm",
         "công văn subject “V/v …”, 12–13 pt, not bold", f"{PL}, Mục II.5.b", fix="đặt cỡ, bỏ đậm / set size, unbold"),
    Rule("so-trich-yeu-6pt", 5, "Trích yếu công văn cách số, ký hiệu 6 pt",
         "the công văn subject stands 6 pt under the number", f"{PL}, Mục II.5.b",
         fix="đặt cách đoạn 6 pt / set 6 pt"),
    Rule("duong-ke-trich-yeu", 5, "Đường kẻ dưới trích yếu: 1/3–1/2 dòng chữ, giữa",
         "rule under the subject: 1/3–1/2 of its line, centred", f"{PL}, Mục II.5.a"),
    # --- ô 6 ---
    Rule("o6.noi-dung", 6, "Nội dung: canh đều hai lề, cỡ 13–14", "body: justified, 13–14 pt", f"{PL}, Mục II.6.e",
         fix="canh đều, đặt cỡ / justify, set the size"),
    Rule("o6.thut-dong", 6, "Lùi đầu dòng 1 cm hoặc 1,27 cm, cách đoạn ≥ 6 pt, dòng đơn–1,5",
         "first-line indent 1 or 1.27 cm, ≥ 6 pt between paragraphs, single to 1.5 lines", f"{PL}, Mục II.6.e",
         fix="lùi 1 cm, cách đoạn 6 pt / indent 1 cm, 6 pt spacing"),
    Rule("gian-dong-exact", 6, "Giãn dòng “chính xác”/“tối thiểu” trong khoảng dòng đơn–1,5 dòng",
         "“Exactly”/“At least” line spacing within single to 1.5 lines", f"{PL}, Mục II.6.e"),
    Rule("o6.ket-thuc", 6, "Kết thúc nội dung bằng “./.”", "body ends with “./.”", "Phụ lục III, Mẫu 1.1–1.10",
         severity="warning"),
    Rule("co-chu.dong-bo", None, "Cỡ chữ trong khoảng lên xuống cùng nhau (bộ 12/13 – 13/14), mỗi thành phần một cỡ",
         "sizes chosen from a range rise and fall together (the 12/13 – 13/14 profiles), one size per element",
         f"{PL}, Mục V, chú thích 1"),  # no --fix: which of the two sizes is wrong is the clerk's call
    # --- ô 7 ---
    Rule("o7.quyen-han", 7, "Quyền hạn (TM., KT., Q., TL., TUQ.), chức vụ: in hoa, đậm",
         "authority (TM., KT., Q., TL., TUQ.) and position: upper case, bold", f"{PL}, Mục II.7.b, II.7.đ",
         fix="đặt cỡ, đậm / set size and bold"),
    Rule("ky-thay-chuc-vu", 7, "KT., TL., TUQ.: dòng dưới ghi chức vụ của người ký",
         "KT., TL., TUQ.: the signer's own position on the line below", f"{PL}, Mục II.7.b; Điều 13"),
    Rule("o7.ho-ten", 7, "Họ tên người ký: đậm", "signer's name: bold", f"{PL}, Mục II.7.c, II.7.đ",
         fix="đặt cỡ, đậm / set size and bold"),
    # --- ô 9 ---
    Rule("o9a.kinh-gui", 9, "Kính gửi: “:”, mỗi nơi một dòng “-”, “;”, cuối “.”",
         "Kính gửi: “:”, one line each with “-”, “;”, last “.”", f"{PL}, Mục II.9.b, II.9.d"),
    Rule("o9b.nhan", 9, "“Nơi nhận:” cỡ 12, đậm nghiêng", "“Nơi nhận:” 12 pt bold italic", f"{PL}, Mục II.9.d",
         fix="đặt cỡ, đậm nghiêng / set size, bold italic"),
    Rule("o9b.dong", 9, "Nơi nhận: “-” đầu dòng, “;” cuối dòng, cỡ 11, cuối “- Lưu: VT, … .”",
         "recipients: “-”, “;”, 11 pt, last “- Lưu: VT, … .”", f"{PL}, Mục II.9.d", fix="đặt cỡ 11 / set 11 pt"),
    # --- measured on the PDF ---
    Rule("ban-in.duong-ke", None, "Đường kẻ dưới Tiêu ngữ và tên cơ quan, đo trên bản in",
         "rules under the motto and the issuing body, measured on the PDF", f"{PL}, Mục II.1.b, II.2.b", layout=True),
    Rule("ban-in.so-trang", None, "Số trang đo trên bản in: không ở trang 1, giữa lề trên",
         "page numbers on the PDF: none on page 1, centred in the top margin", f"{PL}, Mục I.7", layout=True),
    # pagination (checker/pagination.py): the decree places ô 7 and ô 9b under the body; the văn thư's practice
    Rule("ban-in.khoi-ky", 7, "Khối chữ ký, nơi nhận không đứng một mình trên trang, không có nội dung phía trên",
         "the signature band never stands alone on a page without body text above it",
         f"{PL}, Mục IV (ô 6, 7, 9b); thực tiễn văn thư", severity="warning", layout=True),
    Rule("ban-in.trang-trong", None, "Không trang nào (trừ trang cuối) để trống quá 1/4 khi nội dung còn tiếp",
         "no page but the last left more than a quarter blank while the text goes on",
         f"{PL}, Mục I.6, Mục IV; thực tiễn văn thư", severity="warning", layout=True),
]

BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}
