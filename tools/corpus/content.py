"""What the corpus documents say (Doc), how each is set (Look), and the
expected findings of each file (Case).  Every builder renders a Case with
its own tool; a breach is one knob of Look or one string of Doc, so the
expected rule ids are known by construction.

Sizes follow Phụ lục I's two coherent profiles: "large" (Quốc hiệu 13,
Tiêu ngữ 14, date 14, body 14) and "small" (12, 13, 13, 13).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field, replace

TNR = "Times New Roman"
QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
MARGINS = {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}
#: Header and signature table columns (mm): the header overhangs the text area a little, as the decree's
#: own templates do, so the Quốc hiệu fits on one line at 13 pt bold.
HEADER_MM = (72.0, 103.0)
SIGNATURE_MM = (70.0, 95.0)


@dataclass(frozen=True)
class Doc:
    """The words of one document, header to recipients."""

    kind: str  # cong-van | ke-hoach | quyet-dinh | to-trinh | thong-bao | bao-cao | giay-moi | dang
    parent: tuple[str, ...]
    agency: tuple[str, ...]
    so: str
    place_date: str
    title: str | None  # type name; None for a công văn
    subject: str  # "V/v …" for a công văn, the trích yếu otherwise
    kinh_gui: tuple[str, ...]
    body: tuple[str, ...]  # the last ends with "./."
    authority: tuple[str, ...]  # quyền hạn and chức vụ lines, upper case
    signer: str
    noi_nhan: tuple[str, ...]
    urgency: str | None = None  # "KHẨN" | "HỎA TỐC" box under the number / V/v (ô 10b)
    secrecy: str | None = None  # "MẬT" box under the number, above the urgency (ô 10a)
    circulation: str | None = None  # "LƯU HÀNH NỘI BỘ" box above the Quốc hiệu (ô 11)
    decision_line: str | None = None  # "QUYẾT ĐỊNH:" in a quyết định
    articles: tuple[str, ...] = ()  # "Điều 1. …" paragraphs after the decision line
    national: tuple[str, str] = (QUOC_HIEU, TIEU_NGU)


@dataclass(frozen=True)
class Look:
    """How the document is set: each field is something a clerk can get wrong."""

    small: bool = False  # the 12/13 profile
    quoc_hieu_pt: float | None = None  # overrides of the profile
    date_pt: float | None = None
    body_pt: float | None = None
    body_font: str = TNR  # the font of the body runs (ascii/hAnsi slots)
    so_vv_gap_pt: float = 6.0  # space between Số and V/v (Phụ lục I II.5.b)
    line: tuple[str, float] = ("auto", 1.0)  # body line spacing: ("auto", lines) | ("exact", pt) | ("atLeast", pt)
    national_gap_pt: float = 0.0  # space between Quốc hiệu and Tiêu ngữ
    national_line: float = 1.0  # line spacing of the Quốc hiệu and Tiêu ngữ
    motto_rule: bool = True
    agency_rule: bool = True
    agency_rule_ratio: float = 0.4  # of the longest agency line (1/3–1/2 is right)
    subject_rule: bool = True  # the rule under a typed document's trích yếu
    margins: dict = field(default_factory=lambda: dict(MARGINS))
    page_number_align: str = "center"  # center | left | right
    label_bold_italic: bool = True  # "Nơi nhận:"

    def pt(self, element: str) -> float:
        """The size of an element in this look's profile."""
        small = self.small
        sizes = {
            "quoc_hieu": 12 if small else 13, "tieu_ngu": 13 if small else 14, "agency": 12 if small else 13,
            "so": 13, "vv": 12 if small else 13, "date": 13 if small else 14, "title": 13 if small else 14,
            "subject": 13 if small else 14, "body": 13 if small else 14, "authority": 13 if small else 14,
            "label": 12, "item": 11, "urgency": 13, "page": 13 if small else 14,
        }
        override = {"quoc_hieu": self.quoc_hieu_pt, "date": self.date_pt, "body": self.body_pt,
                    "kinh_gui": self.body_pt}.get(element)
        return override or sizes.get(element, sizes["body"])


@dataclass(frozen=True)
class Case:
    """One corpus file: what it says, how it is set, and what a checker must find."""

    name: str  # file stem
    tool: str  # python-docx | libreoffice | docx-npm | ooxml
    doc: Doc
    look: Look = Look()
    expect: tuple[str, ...] = ()  # ERROR rule ids the static check must report
    # Further ERROR rule ids under --layout: only for a defect the DOCX cannot show.  A defect both see is
    # reported once (issue 15 item 6): under --layout a rule's PDF verdict replaces the DOCX one
    # (tools/corpus_score.py LAYOUT_READS), other static findings stand.
    expect_layout: tuple[str, ...] = ()
    breach: str = ""  # what is wrong, in words ("" for a correct document)
    scope: str = "nd30"  # "nd30" | "out" (not a state administrative document: a scope notice)
    construct: str = ""  # the tool-specific construct this file exercises
    schema: str = "valid"  # "valid" or why its invalidity is the point / the tool's own
    schema_error: str = ""  # a text every schema error of a non-valid file contains
    options: dict = field(default_factory=dict)  # builder-specific switches

    @property
    def status(self) -> str:
        if self.scope != "nd30":
            return "out-of-scope"
        return "breached" if self.expect or self.expect_layout else "correct"


# --- the documents -------------------------------------------------------------------------------------------

LUU = "- Lưu: VT, {}."

CONG_VAN = Doc(
    kind="cong-van", parent=("UBND TỈNH KHÁNH HÒA",), agency=("SỞ NỘI VỤ",),
    so="Số: 215/SNV-VP", place_date="Khánh Hòa, ngày 18 tháng 8 năm 2025", title=None,
    subject="V/v rà soát danh mục hồ sơ năm 2025",
    kinh_gui=("Các sở, ban, ngành tỉnh;", "Ủy ban nhân dân các xã, phường."),
    body=("Thực hiện Kế hoạch số 09/KH-UBND ngày 03/3/2025 của Ủy ban nhân dân tỉnh về công tác văn thư, lưu trữ "
          "năm 2025, Sở Nội vụ đề nghị các cơ quan, đơn vị rà soát danh mục hồ sơ của cơ quan, đơn vị mình, bảo "
          "đảm đúng quy định về thời hạn bảo quản.",
          "Kết quả rà soát gửi về Sở Nội vụ (qua Văn phòng Sở) trước ngày 15 tháng 9 năm 2025 để tổng hợp, báo cáo "
          "Ủy ban nhân dân tỉnh. Quá trình thực hiện nếu có vướng mắc, đề nghị liên hệ Văn phòng Sở để được hướng "
          "dẫn./."),
    authority=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), signer="Phan Văn Đức",
    noi_nhan=("- Như trên;", "- Giám đốc Sở (để báo cáo);", LUU.format("VP")),
)

KE_HOACH = Doc(
    kind="ke-hoach", parent=("UBND THÀNH PHỐ ĐÀ NẴNG",), agency=("SỞ GIÁO DỤC VÀ ĐÀO TẠO",),
    so="Số: 48/KH-SGDĐT", place_date="Đà Nẵng, ngày 02 tháng 10 năm 2025", title="KẾ HOẠCH",
    subject="Tổ chức Hội thi giáo viên dạy giỏi cấp thành phố năm học 2025-2026", kinh_gui=(),
    body=("I. MỤC ĐÍCH, YÊU CẦU",
          "Phát hiện, bồi dưỡng và tôn vinh những giáo viên có năng lực chuyên môn vững vàng, có phương pháp dạy học "
          "tích cực; tạo động lực để đội ngũ nhà giáo không ngừng học tập, nâng cao trình độ.",
          "II. THỜI GIAN, ĐỊA ĐIỂM",
          "Hội thi được tổ chức từ ngày 10 tháng 11 đến ngày 20 tháng 11 năm 2025 tại các cơ sở giáo dục trên địa "
          "bàn thành phố; lịch cụ thể sẽ được thông báo đến từng đơn vị.",
          "Các phòng chuyên môn, các cơ sở giáo dục căn cứ Kế hoạch này triển khai thực hiện; trong quá trình thực "
          "hiện nếu có khó khăn, vướng mắc, báo cáo về Sở Giáo dục và Đào tạo để xem xét, giải quyết./."),
    authority=("GIÁM ĐỐC",), signer="Nguyễn Thị Thu Hằng",
    noi_nhan=("- UBND thành phố (để báo cáo);", "- Các phòng thuộc Sở;", "- Các cơ sở giáo dục;",
              LUU.format("VT, GDTrH")),
)

QUYET_DINH = Doc(
    kind="quyet-dinh", parent=(), agency=("ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"),
    so="Số: 127/QĐ-UBND", place_date="Tân Phú, ngày 25 tháng 9 năm 2025", title="QUYẾT ĐỊNH",
    subject="Về việc thành lập Tổ công tác rà soát hồ sơ đất đai", kinh_gui=(),
    body=("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ TÂN PHÚ",
          "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
          "Căn cứ Luật Đất đai ngày 18 tháng 01 năm 2024;",
          "Theo đề nghị của Trưởng phòng Kinh tế."),
    decision_line="QUYẾT ĐỊNH:",
    articles=("Điều 1. Thành lập Tổ công tác rà soát hồ sơ đất đai trên địa bàn xã, gồm các ông, bà có tên tại "
              "danh sách kèm theo Quyết định này.",
              "Điều 2. Tổ công tác có nhiệm vụ rà soát, phân loại hồ sơ, đề xuất phương án giải quyết và báo cáo "
              "Chủ tịch Ủy ban nhân dân xã trước ngày 30 tháng 11 năm 2025.",
              "Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng, Trưởng phòng Kinh tế và các ông, "
              "bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
    authority=("CHỦ TỊCH",), signer="Trần Quốc Tuấn",
    noi_nhan=("- Như Điều 3;", "- TT Đảng ủy, TT HĐND xã;", LUU.format("VP")),
)

TO_TRINH = Doc(
    kind="to-trinh", parent=("UBND TỈNH NGHỆ AN",), agency=("SỞ TÀI CHÍNH",),
    so="Số: 36/TTr-STC", place_date="Nghệ An, ngày 07 tháng 7 năm 2025", title="TỜ TRÌNH",
    subject="Về việc đề nghị phê duyệt dự toán mua sắm tài sản năm 2025",
    kinh_gui=("Ủy ban nhân dân tỉnh Nghệ An.",),
    body=("Trên cơ sở đề nghị của các đơn vị dự toán cấp tỉnh, Sở Tài chính đã tổng hợp nhu cầu mua sắm tài sản năm "
          "2025 với tổng kinh phí là 12.450.000.000 đồng, trong đó mua sắm trang thiết bị làm việc 7.200.000.000 "
          "đồng, phương tiện 5.250.000.000 đồng.",
          "Sở Tài chính kính trình Ủy ban nhân dân tỉnh xem xét, phê duyệt dự toán nêu trên để các đơn vị có cơ sở "
          "tổ chức thực hiện theo quy định./."),
    authority=("GIÁM ĐỐC",), signer="Hoàng Minh Sơn",
    noi_nhan=("- Như trên;", "- Lãnh đạo Sở;", LUU.format("VT, QLNS")),
)

THONG_BAO = Doc(
    kind="thong-bao", parent=("BỘ TƯ PHÁP",), agency=("CỤC CÔNG NGHỆ THÔNG TIN",),
    so="Số: 09/TB-CNTT", place_date="Hà Nội, ngày 03 tháng 02 năm 2025", title="THÔNG BÁO",
    subject="Lịch bảo trì hệ thống quản lý văn bản và điều hành", kinh_gui=(),
    body=("Để bảo đảm hệ thống quản lý văn bản và điều hành vận hành ổn định, Cục Công nghệ thông tin thông báo "
          "lịch bảo trì hệ thống từ 18 giờ 00 ngày 07 tháng 02 năm 2025 đến 06 giờ 00 ngày 08 tháng 02 năm 2025.",
          "Trong thời gian bảo trì, hệ thống tạm dừng cung cấp dịch vụ; các đơn vị chủ động bố trí công việc, "
          "không gửi văn bản điện tử qua hệ thống trong khoảng thời gian nêu trên./."),
    authority=("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG"), signer="Đỗ Thanh Bình",
    noi_nhan=("- Các đơn vị thuộc Bộ;", "- Cục trưởng (để báo cáo);", LUU.format("VT, HTTT")),
)

BAO_CAO = Doc(
    kind="bao-cao", parent=("UBND TỈNH LÂM ĐỒNG",), agency=("SỞ Y TẾ",),
    so="Số: 112/BC-SYT", place_date="Lâm Đồng, ngày 30 tháng 6 năm 2025", title="BÁO CÁO",
    subject="Kết quả công tác phòng, chống dịch bệnh 6 tháng đầu năm 2025",
    kinh_gui=("Ủy ban nhân dân tỉnh Lâm Đồng.",),
    body=("Trong 6 tháng đầu năm 2025, ngành y tế đã triển khai đồng bộ các biện pháp phòng, chống dịch bệnh; "
          "tình hình dịch bệnh trên địa bàn tỉnh cơ bản được kiểm soát, không để xảy ra dịch lớn.",
          "Sở Y tế kiến nghị Ủy ban nhân dân tỉnh tiếp tục bố trí kinh phí cho công tác giám sát dịch tễ và tiêm "
          "chủng mở rộng trong 6 tháng cuối năm 2025./."),
    authority=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), signer="Lê Thị Mai",
    noi_nhan=("- Như trên;", "- Bộ Y tế (để báo cáo);", LUU.format("VT, NVY")),
)

GIAY_MOI = Doc(
    kind="giay-moi", parent=("UBND TỈNH CẦN THƠ",), agency=("SỞ NÔNG NGHIỆP", "VÀ MÔI TRƯỜNG"),
    so="Số: 75/GM-SNNMT", place_date="Cần Thơ, ngày 14 tháng 10 năm 2025", title="GIẤY MỜI",
    subject="Dự Hội nghị sơ kết công tác phòng, chống thiên tai 9 tháng năm 2025", kinh_gui=(),
    body=("Sở Nông nghiệp và Môi trường trân trọng kính mời đại diện lãnh đạo Ủy ban nhân dân các xã, phường dự "
          "Hội nghị sơ kết công tác phòng, chống thiên tai 9 tháng năm 2025.",
          "Thời gian: 08 giờ 00, ngày 21 tháng 10 năm 2025. Địa điểm: Hội trường Sở Nông nghiệp và Môi trường, "
          "số 18 đường Trần Phú, phường Ninh Kiều, thành phố Cần Thơ./."),
    authority=("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), signer="Võ Văn Hùng",
    noi_nhan=("- Như thành phần mời;", "- Giám đốc Sở (để báo cáo);", LUU.format("VT, TL")),
)

#: A company's letter: no Quốc hiệu, no Tiêu ngữ — not a state administrative document.
THU = Doc(
    kind="thu", parent=(), agency=("CÔNG TY CỔ PHẦN SÁCH", "VÀ THIẾT BỊ TRƯỜNG HỌC"),
    so="Số: 25/CV-STB", place_date="Hà Nội, ngày 20 tháng 8 năm 2025", title=None,
    subject="V/v thông báo thay đổi địa chỉ giao dịch", kinh_gui=("Quý khách hàng và đối tác.",),
    body=("Công ty Cổ phần Sách và Thiết bị trường học trân trọng thông báo: kể từ ngày 01 tháng 9 năm 2025, "
          "Công ty chuyển trụ sở giao dịch về số 45 phố Hàng Chuối, phường Hai Bà Trưng, thành phố Hà Nội.",
          "Mọi giao dịch, thư từ xin gửi về địa chỉ mới. Trân trọng cảm ơn sự hợp tác của Quý khách hàng."),
    authority=("GIÁM ĐỐC",), signer="Trịnh Văn Quang",
    noi_nhan=("- Như trên;", "- Lưu: HCNS."),
    national=("", ""),
)

#: A Party document (Hướng dẫn 36-HD/VPTW): no Quốc hiệu, out of NĐ 30's scope.
DANG = Doc(
    kind="dang", parent=("ĐẢNG BỘ TỈNH QUẢNG NGÃI",), agency=("HUYỆN ỦY SƠN TỊNH", "*"),
    so="Số 42-KH/HU", place_date="Sơn Tịnh, ngày 12 tháng 5 năm 2025", title="KẾ HOẠCH",
    subject="tổ chức hội nghị học tập, quán triệt nghị quyết của Ban Chấp hành Trung ương", kinh_gui=(),
    body=("Thực hiện Hướng dẫn của Ban Tuyên giáo Tỉnh ủy, Ban Thường vụ Huyện ủy xây dựng Kế hoạch tổ chức hội "
          "nghị học tập, quán triệt nghị quyết như sau:",
          "Các chi bộ, đảng bộ cơ sở tổ chức cho cán bộ, đảng viên học tập nghiêm túc, đầy đủ; báo cáo kết quả về "
          "Ban Thường vụ Huyện ủy (qua Ban Tuyên giáo) trước ngày 30 tháng 6 năm 2025."),
    authority=("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"), signer="Nguyễn Văn Long",
    noi_nhan=("- Ban Tuyên giáo Tỉnh ủy,", "- Các chi, đảng bộ cơ sở,", "- Lưu Văn phòng Huyện ủy."),
    national=("ĐẢNG CỘNG SẢN VIỆT NAM", ""),
)

DOCS = {d.kind: d for d in (CONG_VAN, KE_HOACH, QUYET_DINH, TO_TRINH, THONG_BAO, BAO_CAO, GIAY_MOI, DANG, THU)}
#: The width of a pre-engraved mark box (Phụ lục I III.3: HỎA TỐC 30 × 8 mm …).
BOX_MM = {"KHẨN": 20.0, "THƯỢNG KHẨN": 40.0, "HỎA TỐC": 30.0, "MẬT": 20.0, "TỐI MẬT": 30.0, "TUYỆT MẬT": 35.0}


def with_date(doc: Doc, place_date: str) -> Doc:
    return replace(doc, place_date=place_date)


# --- reading a Doc in the order a page shows it ---------------------------------------------------------------

@dataclass(frozen=True)
class Block:
    """One body paragraph: its text and how it is set."""

    text: str
    style: str  # "p" | "heading" | "italic" | "center-bold" | "article"


def body_blocks(doc: Doc) -> list[Block]:
    out: list[Block] = []
    for text in doc.body:
        if text.startswith("Căn cứ") or text.startswith("Theo đề nghị"):
            out.append(Block(text, "italic"))
        elif re.match(r"^[IVX]+\. ", text):
            out.append(Block(text, "heading"))
        elif text.isupper():
            out.append(Block(text, "center-bold"))
        else:
            out.append(Block(text, "p"))
    if doc.decision_line:
        out.append(Block(doc.decision_line, "center-bold"))
    out.extend(Block(text, "article") for text in doc.articles)
    return out


def kinh_gui_lines(doc: Doc) -> list[str]:
    """“Kính gửi: X.” for one addressee; “Kính gửi:” then “- X;” lines for several (Mẫu 1.5)."""
    if not doc.kinh_gui:
        return []
    if len(doc.kinh_gui) == 1:
        return [f"Kính gửi: {doc.kinh_gui[0]}"]
    return ["Kính gửi:", *(f"- {x}" for x in doc.kinh_gui)]


def article_parts(text: str) -> tuple[str, str]:
    """"Điều 1. Thành lập …" → ("Điều 1.", " Thành lập …"): the article label is bold."""
    head, _, rest = text.partition(". ")
    return head + ".", " " + rest
