"""The national formatting rules (Nghị định 30/2020/NĐ-CP, Phụ lục I) as data.

Every size, margin, case, weight and alignment that the renderer uses is read
from this module; rendering code holds no such literal.  Each entry cites the
box (ô) of the layout diagram or the section of Phụ lục I it comes from, so a
reviewer can check it line by line against ``../shared/spec/nd30.md``.

Units are the decree's own: sizes in points (pt), lengths in millimetres (mm).
The DOCX writer converts them to half-points and twips.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Align(str, Enum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


class Profile(str, Enum):
    """Two coherent size profiles (footnote 1 of Phụ lục I's Mẫu chữ table).

    A size chosen from a range must rise and fall with the others in one
    document: Quốc hiệu 12 goes with Tiêu ngữ 13 and place/date 13 (``nho``),
    Quốc hiệu 13 with Tiêu ngữ 14 and place/date 14 (``lon``).
    """

    NHO = "nho"  # small: 12/13
    LON = "lon"  # large: 13/14


@dataclass(frozen=True)
class Size:
    """A font size: fixed, or one value per profile (small, large)."""

    small: float
    large: float

    def pt(self, profile: Profile) -> float:
        return self.small if profile is Profile.NHO else self.large


def fixed(pt: float) -> Size:
    return Size(pt, pt)


@dataclass(frozen=True)
class Element:
    """How one element of the layout is set: size, case, weight, alignment."""

    name_vi: str  # the name a clerk uses; also the Word style name
    size: Size
    bold: bool = False
    italic: bool = False
    upper: bool = False
    align: Align = Align.CENTER
    first_line_indent_mm: float = 0.0
    hanging_mm: float = 0.0  # wrapped lines start this far right of the first
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    keep_with_next: bool = False
    outline_level: int | None = None  # shows headings in Word's navigation pane
    box: str = ""  # the ô of Phụ lục I §IV, or section reference


# --- Page (Phụ lục I §I) -------------------------------------------------------

PAGE_WIDTH_MM = 210  # A4
PAGE_HEIGHT_MM = 297

#: Allowed margin ranges, mm (Phụ lục I §I.5.a).
MARGIN_RANGES_MM = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
#: The margins congvan uses: the common choice, inside every range.
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
#: Distance of the page-number header from the paper edge (the decree's files use 1 cm).
HEADER_DISTANCE_MM = 10
FOOTER_DISTANCE_MM = 10

FONT = "Times New Roman"  # Phụ lục I §I.3; Unicode TCVN 6909:2001
LANGUAGE = "vi-VN"
COLOR = "000000"  # black

TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]
#: Landscape is allowed only for tables that need it (§I.4); same margins.
LANDSCAPE_TEXT_WIDTH_MM = PAGE_HEIGHT_MM - MARGINS_MM["left"] - MARGINS_MM["right"]

#: Body first-line indent: 1 cm or 1.27 cm (§II.6.b); the decree's own templates use 1 cm.
FIRST_LINE_INDENTS_MM = (10.0, 12.7)
FIRST_LINE_INDENT_MM = FIRST_LINE_INDENTS_MM[0]
#: At least 6 pt between paragraphs (§II.6.b); templates: 6 pt before, 0 after.
PARAGRAPH_SPACING_PT = 6.0
#: Line spacing: at least single, at most 1.5 lines (§II.6.b). 1.0 = single.
LINE_SPACING = 1.0
LINE_SPACING_RANGE = (1.0, 1.5)
#: One line of Times New Roman set "single", in ems (ascent + descent + line gap, as Word
#: and LibreOffice lay it out): what an "Exactly"/"At least" height is measured against.
SINGLE_LINE_EM = 1.15
#: An "Exactly" height may be this much under a single line (Word's 1 pt steps) and still read as single.
EXACT_LINE_TOLERANCE = 0.1
#: "Single spacing" between the Quốc hiệu and the Tiêu ngữ (§II.1): no space between
#: them beyond this, and a line multiple no larger than this (Word's 1.15 is still "single").
QUOC_HIEU_GAP_MAX_PT = 2.0
QUOC_HIEU_LINE_MAX = 1.2
#: The V/v line of a công văn stands 6 pt under the number (§II.5.b, ELEMENTS["trich_yeu_cong_van"]);
#: the checker accepts this range of space between the two.
SO_TRICH_YEU_RANGE_PT = (5.0, 9.0)

#: The default size profile.
DEFAULT_PROFILE = Profile.LON

# --- Header band (ô 1–5, Phụ lục I §IV) -----------------------------------------

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # ô 1; "HÒA" as current practice (§7.4)
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"  # ô 1; ASCII hyphen with spaces

#: Header and signature bands are borderless two-column tables (the Mẫu of
#: Phụ lục III); widths as fractions of the band.  The decree fixes none;
#: these follow the official templates (≈ 40 : 60).
HEADER_LEFT_FRACTION = 0.40
SIGNATURE_LEFT_FRACTION = 0.42
#: How far the header band may reach into the left/right margins (mm) so the
#: Quốc hiệu keeps to one line, as the official templates do (tblInd < 0).
HEADER_OVERHANG_MM = (5.0, 5.0)

#: A header that fits its agency (issue 14): the left column starts at the
#: Mẫu's 40 % and widens for a long name's longest line, up to what the right
#: column leaves; the right column never narrows below the Quốc hiệu and the
#: Tiêu ngữ on one line each.  When the left column needs more than the band
#: gives, the band reaches further into the left margin, up to this far (mm).
HEADER_OVERHANG_MAX_MM = (10.0, 5.0)
#: Room kept beside the widest line of a column, so a line measured to fit
#: does not wrap after Word's or LibreOffice's own rounding (mm).
HEADER_FIT_SLACK_MM = 1.0
#: An agency name wraps onto at most this many lines before a warning.
HEADER_MAX_LINES = 4
#: Where a long line prefers to break (agency names, trích yếu, V/v, one
#: addressee), as offices break them: before a word that starts the place or
#: the unit ("… / THÀNH PHỐ HỒ CHÍ MINH", "… / TỈNH KHÁNH HÒA"), after a comma;
#: never inside a word of two syllables the list below names ("NHÂN / DÂN").
#: A break elsewhere costs BREAK_PENALTY_MM (HEADER_: in an agency name) of the
#: longest line when choosing; a break inside a listed word costs BREAK_INSIDE_WORD_MM.
HEADER_BREAK_BEFORE = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN",
                       "ĐẶC KHU", "TRUNG ƯƠNG", "KHU VỰC", "NHIỆM KỲ", "KHÓA")
HEADER_BREAK_PENALTY_MM = 8.0
BREAK_PENALTY_MM = 3.0
BREAK_INSIDE_WORD_MM = 50.0
BREAK_AFTER = (",", ";", ":")
#: Two-syllable words of agency names and subjects that a line must not split.
WORDS = frozenset("""
ỦY BAN|NHÂN DÂN|HỘI ĐỒNG|CHÍNH PHỦ|QUỐC HỘI|VĂN PHÒNG|TRUNG TÂM|BAN CHỈ|CHỈ ĐẠO|THƯỜNG TRỰC|THƯỜNG VỤ
GIÁO DỤC|ĐÀO TẠO|ĐẠI HỌC|CAO ĐẲNG|TRUNG HỌC|TIỂU HỌC|MẦM NON|PHỔ THÔNG|CƠ SỞ|HỌC SINH|SINH VIÊN
THÔNG TIN|TRUYỀN THÔNG|CÔNG THƯƠNG|TÀI CHÍNH|KẾ HOẠCH|ĐẦU TƯ|NỘI VỤ|TƯ PHÁP|Y TẾ|VĂN HÓA|THỂ THAO|DU LỊCH
XÂY DỰNG|GIAO THÔNG|VẬN TẢI|NÔNG NGHIỆP|PHÁT TRIỂN|NÔNG THÔN|TÀI NGUYÊN|MÔI TRƯỜNG|LAO ĐỘNG|THƯƠNG BINH
XÃ HỘI|KHOA HỌC|CÔNG NGHỆ|CÔNG AN|QUÂN SỰ|BIÊN PHÒNG|THANH TRA|KIỂM SOÁT|KIỂM TRA|QUẢN LÝ|BẢO VỆ|AN NINH
TỔ QUỐC|VIỆT NAM|MẶT TRẬN|ĐOÀN THỂ|THANH NIÊN|PHỤ NỮ|CỰU CHIẾN|CHIẾN BINH|NÔNG DÂN|CÔNG ĐOÀN|LIÊN ĐOÀN
BỆNH TẬT|CHẤT LƯỢNG|THỰC PHẨM|DỊCH VỤ|CÔNG ÍCH|CÔNG TÁC|PHÒNG CHỐNG|TỘI PHẠM|TỆ NẠN|MUA BÁN|HOẠT ĐỘNG
THỰC HIỆN|TRIỂN KHAI|TĂNG CƯỜNG|TỔ CHỨC|HƯỞNG ỨNG|ĐỊA BÀN|NĂM HỌC|NGHỈ HỌC|KINH PHÍ|SỬA CHỮA|TRỤ SỞ
LÀM VIỆC|TOÀN DÂN|BÁO CÁO|KẾT QUẢ|KẾT LUẬN|GIÁM ĐỐC|CHỦ TỊCH|HIỆU TRƯỞNG|VĂN THƯ|LƯU TRỮ|GIAO BAN|TÀI LIỆU
""".replace("\n", "|").split("|")) - {""}
#: Characters that join the words either side into an unbreakable range
#: ("2021 - 2026", "Khóa XV – nhiệm kỳ"): a line never starts or ends at them.
RANGE_JOINERS = ("-", "\u2011", "\u2013", "\u2014")

#: Rule under the Tiêu ngữ (ô 1): as long as the motto, centred.
MOTTO_RULE_RATIO = (1.0, 1.0)
#: Rule under the issuing agency (ô 2): 1/3 to 1/2 of the text line, centred.
AGENCY_RULE_RATIO = (1 / 3, 1 / 2)
#: Rule under the trích yếu (ô 5a): 1/3 to 1/2 of the text line, centred.
SUBJECT_RULE_RATIO = (1 / 3, 1 / 2)
#: The length congvan draws inside those ranges: the middle.
RULE_RATIO_CHOSEN = (1 / 3 + 1 / 2) / 2
#: Rule thickness (pt).  "Đường kẻ nét liền"; the decree gives no weight.
RULE_WEIGHT_PT = 0.75
#: Space between a line of text and the rule below it, so the rule never touches
#: the dot-below marks (ệ, ọ) of the line above (measured: ~2 pt needed).
RULE_GAP_PT = 2.0

#: Blanks left for the văn thư to fill at issuance (Mẫu: "Số:      /QĐ-…").
BLANK_NUMBER = "\u00a0" * 6
BLANK_DAY = " " + "\u00a0" * 4 + " "  # the whole gap between "ngày" and "tháng"

#: Where "Kính gửi:" starts and where its dash list starts, from the left
#: margin (Mẫu 1.5: first-line indent ≈ 3.5 cm; dashes under the colon).
KINH_GUI_INDENT_MM = 35.0
#: One addressee: how the "Kính gửi: …" line is placed (field kinh_gui_mot_noi).
#: "giua": centred on the text width, as real công văn and tờ trình print it
#: (docs/decisions.md); "thut-le": from the Mẫu 1.5 indent, as before.
KINH_GUI_ONE = ("giua", "thut-le")

#: Signature gap: empty lines left for the handwritten signature and seal
#: (the templates leave 3–5).
SIGNATURE_GAP_LINES = 4

#: Table borders: single lines (the decree sets none; the templates' tables use 0.5 pt).
TABLE_BORDER_PT = 0.5
#: Cell padding left and right (mm), so text does not touch the lines.
TABLE_CELL_PADDING_MM = 1.5

#: Appendix labels: one appendix is "Phụ lục"; two or more are numbered in
#: Roman numerals, "Phụ lục I", "Phụ lục II" (Phụ lục I §III.1.a).
PHU_LUC = "Phụ lục"
#: The line tying a text to the quyết định that issues it (Mẫu 1.3): real quy
#: chế, quy định, điều lệ, nội quy, quy trình read "(Ban hành kèm theo …)", the
#: others (kế hoạch, danh sách, phụ lục) "(Kèm theo …)".
ISSUED_WITH = {"regulation": "Ban hành kèm theo", "other": "Kèm theo"}
REGULATION_TYPES = frozenset({"quy chế", "quy định", "điều lệ", "nội quy", "quy trình"})

#: The task table of a plan's appendix: (column, heading, widest comfortable
#: width in mm or None for the content column, which takes what is left).
#: The "Sản phẩm" column appears only when a task names an output.
TASK_TABLE_COLUMNS = (
    ("stt", "STT", None),
    ("noi_dung", "Nội dung nhiệm vụ", None),
    ("chu_tri", "Cơ quan chủ trì", 40.0),
    ("phoi_hop", "Cơ quan phối hợp", 55.0),
    ("thoi_han", "Thời gian hoàn thành", 32.0),
    ("san_pham", "Sản phẩm", 40.0),
)
#: Below this width the task column is too narrow to read: turn the page.
TASK_TABLE_CONTENT_MIN_MM = 70.0

#: Urgency stamps (Phụ lục I §III.3): text and box width in mm; all 8 mm high.
URGENCY = {"khan": ("KHẨN", 20.0), "thuong-khan": ("THƯỢNG KHẨN", 40.0), "hoa-toc": ("HỎA TỐC", 30.0)}
BOX_HEIGHT_MM = 8.0
#: Confidentiality marks: their stamps are set by the state-secrets law, not
#: by NĐ 30; congvan prints the word in a box sized to it ([P]).
CONFIDENTIALITY = {"mat": "MẬT", "toi-mat": "TỐI MẬT", "tuyet-mat": "TUYỆT MẬT"}
#: Space between a boxed word and its box, each side (mm).
BOX_PADDING_MM = 3.0
#: Draft mark: not regulated by NĐ 30 (house style, [P]).
DRAFT_MARK = "DỰ THẢO"
BOX_BORDER_PT = 0.75

#: Copy kinds: label and the abbreviation in the copy's ký hiệu (Phụ lục III §I, 28–30).
COPY_LABELS = {"sao-y": ("SAO Y", "SY"), "sao-luc": ("SAO LỤC", "SL"), "trich-sao": ("TRÍCH SAO", "TrS")}

#: Electronic signing (Phụ lục I §II.7c, §II.8): the signer's signature image
#: (blue PNG) centred between the position and the name; the seal (red PNG) at
#: its actual size over about a third of the signature, on its left.  Sizes
#: used when the PNG does not carry its physical size:
SIGNATURE_IMAGE_WIDTH_MM = 35.0
SEAL_DIAMETER_MM = 36.0
SEAL_OVERLAP = 1 / 3
#: Bookmark signing tools look for: the place of the signature.
SIGNATURE_BOOKMARK = "ViTriChuKy"

#: Line after the căn cứ of a quyết định / nghị quyết (Mẫu 1.1–1.3).
DECISION_LINE = {"quyet-dinh": "QUYẾT ĐỊNH:", "nghi-quyet": "QUYẾT NGHỊ:"}

#: The last line of the căn cứ: "Theo đề nghị của …" (Mẫu 1.2) or, as real
#: decisions also write, "Xét đề nghị của …"; a line starting so is kept as typed.
DE_NGHI_OPENINGS = ("Theo đề nghị", "Xét đề nghị")
#: The last căn cứ ends with "." before "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:" (§II.6.a,
#: Mẫu 1.1–1.3) or a heading, and with "," where the body's first sentence continues it
#: ("Căn cứ …,\n Trường … đã tiến hành …": real tờ trình, kế hoạch); the decree is silent there.
CAN_CU_LAST = {"decision": ".", "sentence": ","}
#: Types whose căn cứ real documents print upright, as body text (tờ trình), not italic.
CAN_CU_UPRIGHT = frozenset({"to-trinh"})

#: Closing mark of the body in every template of Phụ lục III.
END_MARK = "./."

# --- Elements ------------------------------------------------------------------

BODY = Size(13, 14)

ELEMENTS: dict[str, Element] = {
    # ô 1
    "quoc_hieu": Element("Quốc hiệu", Size(12, 13), bold=True, upper=True, box="ô 1"),
    "tieu_ngu": Element("Tiêu ngữ", Size(13, 14), bold=True, box="ô 1"),
    # ô 2
    "co_quan_chu_quan": Element("Cơ quan chủ quản", Size(12, 13), upper=True, box="ô 2"),
    "co_quan_ban_hanh": Element("Cơ quan ban hành", Size(12, 13), bold=True, upper=True, box="ô 2"),
    # ô 3, ô 4 — on one line
    "so_ky_hieu": Element("Số, ký hiệu", fixed(13), space_before_pt=6, box="ô 3"),
    "dia_danh_ngay": Element("Địa danh và ngày tháng", Size(13, 14), italic=True, space_before_pt=6, box="ô 4"),
    # ô 5b: a công văn's V/v line, 6 pt under the number
    "trich_yeu_cong_van": Element("Trích yếu công văn", Size(12, 13), space_before_pt=6, box="ô 5b"),
    # ô 5a
    "ten_loai": Element("Tên loại văn bản", Size(13, 14), bold=True, upper=True, space_before_pt=18,
                        keep_with_next=True, box="ô 5a"),
    "trich_yeu": Element("Trích yếu", Size(13, 14), bold=True, keep_with_next=True, box="ô 5a"),
    # ô 9a
    "kinh_gui": Element("Kính gửi", Size(13, 14), align=Align.LEFT, space_before_pt=6, box="ô 9a"),
    # One addressee on the label's line, centred, a blank line's space above and a
    # half line below (real công văn and tờ trình; docs/decisions.md "Kính gửi").
    "kinh_gui_mot": Element("Kính gửi (một nơi)", Size(13, 14), space_before_pt=12, space_after_pt=6,
                            box="ô 9a"),
    # ô 6 — body
    "noi_dung": Element("Nội dung", BODY, align=Align.JUSTIFY, first_line_indent_mm=FIRST_LINE_INDENT_MM,
                        space_before_pt=PARAGRAPH_SPACING_PT, box="ô 6"),
    "can_cu": Element("Căn cứ", BODY, italic=True, align=Align.JUSTIFY,
                      first_line_indent_mm=FIRST_LINE_INDENT_MM, space_before_pt=PARAGRAPH_SPACING_PT,
                      box="ô 6, §II.6.a"),
    # Headings of a plan/report (Mẫu chữ 6.b): "I. UPPER" bold, "1. Title" bold.
    "muc": Element("Mục (I, II)", BODY, bold=True, upper=True, align=Align.JUSTIFY,
                   first_line_indent_mm=FIRST_LINE_INDENT_MM, space_before_pt=PARAGRAPH_SPACING_PT,
                   keep_with_next=True, outline_level=0, box="ô 6, Mẫu chữ 6.b"),
    "khoan_tieu_de": Element("Khoản có tiêu đề (1., 1.1.)", BODY, bold=True, align=Align.JUSTIFY,
                             first_line_indent_mm=FIRST_LINE_INDENT_MM, space_before_pt=PARAGRAPH_SPACING_PT,
                             keep_with_next=True, outline_level=1, box="ô 6, Mẫu chữ 6.b"),
    # A heading whose number or title is not bold (a level of congvan.numbering
    # overridden so): the heading's spacing and keep-with-next, the weight in its runs.
    "tieu_de": Element("Tiêu đề không đậm", BODY, align=Align.JUSTIFY, first_line_indent_mm=FIRST_LINE_INDENT_MM,
                       space_before_pt=PARAGRAPH_SPACING_PT, keep_with_next=True, outline_level=1,
                       box="ô 6, Mẫu chữ 6.b"),
    "phan_cong": Element("Phân công nhiệm vụ", BODY, italic=True, align=Align.JUSTIFY,
                         first_line_indent_mm=FIRST_LINE_INDENT_MM, space_before_pt=PARAGRAPH_SPACING_PT,
                         box="ô 6"),
    # ô 7a, 7b
    "quyen_han_chuc_vu": Element("Quyền hạn, chức vụ", Size(13, 14), bold=True, upper=True, box="ô 7a"),
    "chuc_vu_khac": Element("Chức vụ khác", Size(13, 14), bold=True, upper=True, box="ô 7b"),
    "ho_ten": Element("Họ tên người ký", Size(13, 14), bold=True, box="ô 7b"),
    # ô 9b
    "noi_nhan_nhan": Element("Nơi nhận (nhãn)", fixed(12), bold=True, italic=True, align=Align.LEFT,
                             box="ô 9b"),
    "noi_nhan": Element("Nơi nhận", fixed(11), align=Align.LEFT, hanging_mm=2.3, box="ô 9b"),
    # The note beside a brace that groups several recipients: "(để b/c);".
    "noi_nhan_ghi_chu": Element("Nơi nhận (ghi chú nhóm)", fixed(11), align=Align.LEFT, box="ô 9b"),
    # Page numbers: 13–14, upright, centred in the top margin, not on page 1 (§I.6)
    "so_trang": Element("Số trang", Size(13, 14), box="§I.6"),
    # Quyết định, nghị quyết (Mẫu 1.1–1.3): the authority line, then after
    # the căn cứ "QUYẾT ĐỊNH:" / "QUYẾT NGHỊ:", both bold, upper, centred.
    "tham_quyen": Element("Thẩm quyền ban hành", Size(13, 14), bold=True, upper=True, space_before_pt=12,
                          keep_with_next=True),
    "quyet_dinh": Element("Quyết định/Quyết nghị", Size(13, 14), bold=True, upper=True, space_before_pt=6,
                          space_after_pt=6, keep_with_next=True),
    # Phần, chương: "Chương I" bold on its own line, the title upper bold below (§II.6.đ).
    "chuong_nhan": Element("Phần, chương", BODY, bold=True, space_before_pt=12, keep_with_next=True),
    "chuong_tieu_de": Element("Tên phần, chương", BODY, bold=True, upper=True, keep_with_next=True, outline_level=0),
    # Điều: "Điều 1." bold, first-line indent, body size; the title bold on the same line.
    "dieu": Element("Điều", BODY, align=Align.JUSTIFY, first_line_indent_mm=FIRST_LINE_INDENT_MM,
                    space_before_pt=PARAGRAPH_SPACING_PT, keep_with_next=True, outline_level=1),
    # Optional marks (Phụ lục I §III.2–3): bold upper text in a single-line box.
    "do_khan": Element("Độ khẩn", Size(13, 14), bold=True, upper=True, space_before_pt=6, box="ô 10b"),
    "do_mat": Element("Độ mật", Size(13, 14), bold=True, upper=True, space_before_pt=6, box="ô 10a"),
    "luu_hanh": Element("Phạm vi lưu hành", Size(13, 14), bold=True, upper=True, space_after_pt=6, box="ô 11"),
    "du_thao": Element("Dự thảo", Size(13, 14), bold=True, space_after_pt=6),
    # ô 14: organisation e-signature text, top right of page 1, 10 pt (Phụ lục I Phần II §I).
    "ky_so": Element("Chữ ký số (ô 14)", fixed(10), align=Align.RIGHT, box="ô 14"),
    # Copies (Phần II §II): "SAO Y" where the Quốc hiệu would be, upper bold 13–14.
    "hinh_thuc_sao": Element("Hình thức sao", Size(13, 14), bold=True, upper=True, box="Phần II"),
    # Mẫu 1.10: the confirmation of the place of leave, lower left, italic.
    "xac_nhan": Element("Xác nhận nơi nghỉ phép", Size(12, 13), italic=True),
    # ô 13: address and contacts, page 1 only, under a full-width rule.
    "lien_he": Element("Địa chỉ liên hệ", Size(11, 12), box="ô 13"),
    # Appendix heading (Phụ lục I §III.1): label 14 bold, title UPPER bold,
    # reference line italic, each on its own line, centred.
    "phu_luc_nhan": Element("Phụ lục (nhãn)", fixed(14), bold=True, box="§III.1"),
    "phu_luc_tieu_de": Element("Tên phụ lục", Size(13, 14), bold=True, upper=True, box="§III.1"),
    "phu_luc_kem_theo": Element("Kèm theo văn bản", Size(13, 14), italic=True, space_after_pt=12, box="§III.1"),
    # Tables: the decree sets no size; one step below the body keeps a
    # five-column table readable on a portrait page (house style, [P]).
    "bang_tieu_de": Element("Tiêu đề bảng", Size(12, 13), bold=True, space_before_pt=3, space_after_pt=3),
    "bang_o": Element("Ô bảng", Size(12, 13), align=Align.LEFT, space_before_pt=3, space_after_pt=3),
    "bang_o_giua": Element("Ô bảng (giữa)", Size(12, 13), space_before_pt=3, space_after_pt=3),
}

#: A wrapped Nơi nhận item continues under its text, not under the dash
#: (§II.9.b; the hanging indent above is the width of "- " at 11 pt).
#: Space above the signature band, so "Nơi nhận:" and the first authority line
#: stand level a little below the body (ô 7a, ô 9b).
SIGNATURE_SPACE_BEFORE_PT = 12.0

# --- Pagination (issue 14; measured in LibreOffice's PDF) --------------------------
# The decree sets no pagination rule; these are what a văn thư accepts.
# An element with ``keep_with_next`` above is a heading: it holds only to its
# first paragraph (ten_loai → trich_yeu, tham_quyen → the first Căn cứ,
# "QUYẾT ĐỊNH:" → Điều 1, a Mục/Khoản title → its text).  Body paragraphs
# and Căn cứ lines never hold to the next, so they may break across pages.

#: "Điều 1. text" (an article whose text follows its number) is a paragraph,
#: not a heading: it does not hold to the next article.
KEEP_ARTICLE_WITH_TEXT = False
#: The last body paragraph holds to the signature band, whose one row never
#: splits, so the band never stands on a page without body text above it.
KEEP_LAST_WITH_SIGNATURE = True
#: Widow and orphan control: no paragraph leaves a single line at the foot or
#: the head of a page.
WIDOW_CONTROL = True
#: The largest part of a page (not the last) a keep rule may leave blank;
#: ``check --layout`` reports a page blanker than this when more content follows.
MAX_BLANK_FRACTION = 0.25

# --- Body structure (Phụ lục I §II.6.đ; Mẫu chữ 6.b) ------------------------------

#: Điểm letters: the Vietnamese alphabet (no f, j, w, z; no ă â ê ô ơ ư).
DIEM_LETTERS = "a b c d đ e g h i k l m n o p q r s t u v x y".split()

#: The numbering schemes (I. / 1. / 1.1. / a) for plans, 1. / a) / - for công
#: văn, the normative Phần / Chương / Mục / Điều / khoản / điểm …), their levels
#: and the default per type are data in ``congvan.numbering``, which reads the
#: letters above.

DASH = "-"  # dash bullets are literal "- ", never Word list bullets (flush with the text)

# --- Signature (Phụ lục I §II.7; Điều 13) ---------------------------------------

#: Authority markers and what follows each.
QUYEN_HAN = {
    "TM.": "thay mặt: before the name of the collective or body",
    "KT.": "ký thay: before the head's position",
    "Q.": "quyền: before the head's position",
    "TL.": "thừa lệnh: before the head's position",
    "TUQ.": "thừa ủy quyền: before the head's position",
}

# --- Nơi nhận (Phụ lục I §II.9) --------------------------------------------------

NOI_NHAN_LABEL = "Nơi nhận:"
NHU_TREN = "Như trên"
LUU_VAN_THU = "VT"
#: The first line of Nơi nhận (field nhu_tren): "tu-dong" writes "Như trên" when a
#: Kính gửi names the addressees (§II.9.b); a giấy mời that lists "Thành phần mời"
#: writes "Như thành phần"; "khong" writes neither.
NHU_TREN_LINES = {"nhu-tren": NHU_TREN, "nhu-thanh-phan": "Như thành phần"}
NHU_TREN_CHOICES = ("tu-dong", "nhu-tren", "nhu-thanh-phan", "khong")

#: A group of recipients sharing one note (offices draw a right brace "}" over
#: the items with the note beside it).  The brace is a "}" glyph sized to the
#: group's height and narrowed by character scaling, in the middle cell of a
#: borderless nested table; the note is vertically centred beside it.
BRACE_CHAR = "}"
#: Height of one Nơi nhận line (pt) at single spacing: 11 pt × 1.15 (Liberation Serif).
NOI_NHAN_LINE_PT = 11 * 1.15
#: The brace glyph's size per line of the group (pt), and its horizontal scale (%).
BRACE_PT_PER_LINE = 14.5
BRACE_SCALE_PERCENT = 40
#: Widths of the brace and note columns of a group (mm); the items take the rest.
BRACE_COLUMN_MM = 4.0
#: A note on its own line stands this far in from the dash (mm).
NOTE_INDENT_MM = 5.0
#: A note never breaks inside: "(để b/c);" stays on one line.
NOTE_MIN_MM = 14.0

#: The Nơi nhận column: the Mẫu's measure (Mẫu 1.4 and 1.7: 3884 of 9270 twips,
#: 0.42 of the band: SIGNATURE_LEFT_FRACTION), widened up to this fraction of the
#: text width when a recipient line or note would break, as long as the signer's
#: column still holds its longest line.
SIGNATURE_LEFT_FRACTION_MAX = 0.48


@dataclass(frozen=True)
class O12Style:
    """How ô 12 (drafter's initials, copies issued) is written on the Lưu line.

    ``initials``: "sau" — after the Lưu line, the decree's "PL.(300)";
    "ngoac" — glued to the drafting unit in brackets, "KGVX(bnt)";
    "chi-so-duoi" — glued to the unit as subscript, "KTTH" + subscript "h5".
    ``case``: "hoa" upper case, "giu" as typed.  ``van_thu``: "dau" — "VT" first
    (the decree), "cuoi" — "VT" last.  ``copies``: how the copies issued follow,
    ``{n}`` the count.
    """

    initials: str
    case: str = "giu"
    van_thu: str = "dau"
    copies: str = "({n})"


#: Named ô 12 styles (field kieu_o12); an agency's profile names one once.
O12_STYLES: dict[str, O12Style] = {
    # Mẫu 1.1–1.10: "- Lưu: VT, TCCB (2). PL.(300)."
    "nghi-dinh": O12Style(initials="sau", case="hoa"),
    # "- Lưu: VT, KGVX(bnt)." — copies issued after: "KGVX(bnt).(300)"
    "don-vi": O12Style(initials="ngoac"),
    # "- Lưu: VT, KTTHh5." with "h5" set as subscript
    "chi-so-duoi": O12Style(initials="chi-so-duoi"),
    # the same three with "VT" last: "- Lưu: KGVX(bnt), VT."
    "don-vi-vt-sau": O12Style(initials="ngoac", van_thu="cuoi"),
    "chi-so-duoi-vt-sau": O12Style(initials="chi-so-duoi", van_thu="cuoi"),
}
DEFAULT_O12_STYLE = "nghi-dinh"
