"""Commented starter forms: ``congvan new <loại>``.

A starter is a form that renders as written, with a comment on each field
saying what goes there and which rule of the decree is behind it.  The parts
every document has are written once; what differs by type is data: which
family a type belongs to (``FAMILY``) and that family's fields (``PARTS``).
"""

from __future__ import annotations

import datetime as dt

from . import doctypes

#: Editors (VS Code with the YAML extension …) validate and complete the form
#: against the schema that `congvan new` writes beside it.
SCHEMA_FILE = "congvan.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"

HEAD = """\
{schema}
# {name} — biểu mẫu khởi đầu do `congvan new {slug}` tạo ({mau}).
# Sửa các giá trị, giữ nguyên tên trường; chạy: congvan render {slug}.yaml -o {slug}.docx
# Chữ **đậm** và *nghiêng* trong nội dung viết như Markdown. Văn bản có ':' thì đặt trong "…".
loai: {slug}
co_chu: lon                    # cỡ chữ 13/14 ('nho' = 12/13); các thành phần đổi cỡ cùng nhau (Phụ lục I, mục V)
co_quan_chu_quan:              # cơ quan chủ quản trực tiếp (nếu có): in hoa, không đậm (ô 2); bỏ cả mục nếu không có
  ten: UBND tỉnh Khánh Hòa     # được viết tắt các cụm từ thông dụng (UBND, HĐND)
co_quan_ban_hanh:              # cơ quan ban hành: in hoa, đậm, có đường kẻ 1/3–1/2 dưới tên (ô 2)
  ten: Sở Nội vụ               # tên đầy đủ, không viết tắt; "\\n" trong dấu "…" để tự ngắt dòng
  viet_tat: SNV                # dùng trong ký hiệu: {example_code}
{unit}so:                            # số văn bản: để trống để văn thư điền khi ban hành; số < 10 tự thêm 0 (ô 3)
dia_danh: Khánh Hòa            # địa danh nơi cơ quan đóng trụ sở (ô 4)
ngay: {month}/{year}                   # ngày/tháng/năm, ví dụ 15/7/{year}; chỉ tháng/năm để trống ngày cho văn thư (ô 4)
"""

SUBJECT = """\
trich_yeu: {subject}    # trích yếu: ngắn gọn, không chấm cuối (ô 5{box})
"""

CLOSING = """\
noi_nhan:                      # nơi nhận (ô 9b): mỗi dòng một nơi; congvan tự thêm "- ", ";" và dòng Lưu{nhu_tren}
{recipients}luu:
  don_vi: [VP]                 # "- Lưu: VT, VP." : văn thư và đơn vị soạn thảo lưu
  # so_ban: 2                  # số bản lưu (nếu cần)
# nguoi_soan_thao:             # ô 12 (nếu cần): ký hiệu người soạn thảo và số bản phát hành, "PL.(300)."
#   ky_hieu: PL
#   so_ban: 300
nguoi_ky:                      # ô 7: quyền hạn và chức vụ in hoa, đậm; họ tên đậm (Điều 13)
{signer}"""

SIGNERS = {
    "head": "  chuc_vu: Giám đốc             # người đứng đầu ký trực tiếp\n  ho_ten: Lê Thị Minh Hà\n",
    "deputy": ("  ky_thay: Giám đốc             # KT.: cấp phó ký thay người đứng đầu\n"
               "  chuc_vu: Phó Giám đốc\n  ho_ten: Phan Văn Đức\n"),
    "order": ("  thua_lenh: Giám đốc           # TL.: ký thừa lệnh người đứng đầu\n"
              "  chuc_vu: Chánh Văn phòng\n  ho_ten: Đặng Minh Khoa\n"),
    "collective": ("  thay_mat: Ủy ban nhân dân     # TM.: thay mặt tập thể lãnh đạo\n"
                   "  ky_thay: Chủ tịch\n  chuc_vu: Phó Chủ tịch\n  ho_ten: Nguyễn Văn Thành\n"),
    "chair": "  chuc_vu: Chủ tọa              # chủ tọa ký bên phải; thư ký ký bên trái (bien_ban.thu_ky)\n"
             "  ho_ten: Lê Thị Minh Hà\n",
}

KINH_GUI = """\
kinh_gui:                      # Kính gửi (ô 9a): một nơi thì cùng dòng; nhiều nơi thì mỗi nơi một dòng "- …;"
  - Ủy ban nhân dân tỉnh Khánh Hòa
"""

PARTS = {
    "cong-van": KINH_GUI + """\
noi_dung:                      # nội dung (ô 6): đoạn văn căn đều hai lề, thụt đầu dòng 1 cm; congvan thêm "./." cuối
  - Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, Sở Nội vụ đề nghị như sau.
  - khoan: Rà soát danh mục hồ sơ năm {year}, gửi về Sở **trước ngày 15/12/{year}**.   # khoản tự đánh số 1., 2.
  - khoan: Cử công chức phụ trách văn thư tham dự tập huấn.
  - Đề nghị các cơ quan, đơn vị quan tâm, thực hiện.
""",
    "ke-hoach": """\
cach_phan_cong: theo-co-quan   # cách in phân công: theo-co-quan | ngoac | phan-cong (cùng dữ liệu nhiệm vụ)
noi_dung:
  - Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Nội vụ ban hành Kế hoạch như sau.
  - muc: Mục đích, yêu cầu     # mục cấp I: số La Mã, in hoa, đậm
    noi_dung:
      - muc: Mục đích           # cấp 2: 1., 2.; cấp 3: 1.1.; rồi a), b)
        noi_dung:
          - Nâng cao chất lượng công tác văn thư, lưu trữ.
      - muc: Yêu cầu
        noi_dung:
          - gach:               # gạch đầu dòng "- "
              - Bảo đảm đúng thể thức theo Phụ lục I Nghị định số 30/2020/NĐ-CP;
              - Phân công rõ cơ quan chủ trì, phối hợp và thời hạn.
  - muc: Nhiệm vụ, giải pháp
    noi_dung:
      - nhiem_vu:               # mỗi nhiệm vụ: nội dung, chủ trì (bắt buộc), phối hợp, thời hạn, sản phẩm
          - noi_dung: Tổ chức tập huấn nghiệp vụ văn thư cho công chức các sở, ngành.
            chu_tri: Sở Nội vụ
            phoi_hop: [Sở Tài chính]
            thoi_han: Quý III/{year}         # ngày (15/8/{year}), kỳ (Quý III/{year}, tháng 7/{year}) hoặc "thường xuyên"
          - noi_dung: Bố trí kinh phí thực hiện Kế hoạch.
            chu_tri: Sở Tài chính
            thoi_han: thường xuyên
  - muc: Tổ chức thực hiện
    noi_dung:
      - Các cơ quan, đơn vị căn cứ Kế hoạch này triển khai thực hiện; báo cáo kết quả về Sở Nội vụ.
# phu_luc:                     # phụ lục: bảng phân công (STT, nhiệm vụ, chủ trì, phối hợp, thời hạn) lập từ các nhiệm vụ
#   - tieu_de: Phân công nhiệm vụ
#     bang_nhiem_vu: true
""",
    "quyet-dinh": """\
tham_quyen: Giám đốc Sở Nội vụ   # thẩm quyền ban hành: chức vụ người đứng đầu hoặc tên tập thể (in hoa, đậm)
can_cu:                        # căn cứ: in nghiêng, mỗi căn cứ một dòng; congvan thêm ";" và "." cuối
  - Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư
theo_de_nghi: Chánh Văn phòng Sở   # dòng "Theo đề nghị của …." cuối phần căn cứ
noi_dung:                      # sau "QUYẾT ĐỊNH:" là các điều; "Điều 1." tự đánh số, in đậm
  - dieu:
    noi_dung:
      - Thành lập Tổ công tác kiểm tra công tác văn thư, lưu trữ năm {year}.
  - dieu:
    noi_dung:
      - Quyết định này có hiệu lực kể từ ngày ký.
  - dieu:
    noi_dung:
      - Chánh Văn phòng Sở, Trưởng các phòng và các cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.
""",
    "to-trinh": KINH_GUI + """\
noi_dung:
  - Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét nội dung sau.
  - muc: Sự cần thiết
    noi_dung:
      - Nêu lý do, căn cứ của đề nghị.
  - muc: Nội dung đề nghị
    noi_dung:
      - so_tien: 150000000      # số tiền in bằng số và bằng chữ: "150.000.000 đồng (Bằng chữ: …)"
        noi_dung: "Kinh phí đề nghị:"
  - Sở Nội vụ kính trình Ủy ban nhân dân tỉnh xem xét, quyết định.
""",
    "typed": """\
noi_dung:                      # nội dung (ô 6); congvan tự đánh số mục, khoản và thêm "./." cuối
  - Sở Nội vụ {verb} như sau.
  - khoan: Nội dung thứ nhất.
  - khoan: Nội dung thứ hai.
""",
    "giay-moi": """\
giay_moi:                      # các câu cố định của Mẫu 1.7 do congvan viết
  kinh_moi: Lãnh đạo Văn phòng các sở, ban, ngành tỉnh
  toi_du: Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ năm {year}.
  chu_tri: Đồng chí Lê Thị Minh Hà, Giám đốc Sở Nội vụ
  thoi_gian: 07 giờ 30, ngày 15 tháng 8 năm {year}
  dia_diem: Hội trường Sở Nội vụ
noi_dung:                      # các vấn đề cần lưu ý
  - Đề nghị các cơ quan cử người tham dự đúng thành phần.
""",
    "giay-gioi-thieu": """\
gioi_thieu:                    # Mẫu 1.8: không có trích yếu
  ong_ba: Nguyễn Thị Thanh Tâm
  chuc_vu: Chuyên viên
  duoc_cu_den: Trung tâm Lưu trữ quốc gia I
  ve_viec: Liên hệ khai thác tài liệu lưu trữ
  gia_tri_den: 31/12/{year}
""",
    "giay-nghi-phep": """\
nghi_phep:                     # Mẫu 1.10: không có trích yếu
  don_ngay: 10/7/{year}
  ong_ba: Trần Văn Phúc
  chuc_vu: Chuyên viên
  thoi_gian: 05 ngày
  tu_ngay: 21/7/{year}
  den_ngay: 25/7/{year}
  tai: xã Diên Lạc, tỉnh Khánh Hòa
""",
    "bien-ban": """\
bien_ban:                      # Mẫu 1.9: không có dòng địa danh, ngày; hai chữ ký (thư ký, chủ tọa)
  thoi_gian_bat_dau: 14 giờ 00, ngày 15 tháng 8 năm {year}
  dia_diem: Phòng họp số 2, Sở Nội vụ
  thanh_phan: Lãnh đạo Sở; Trưởng các phòng
  chu_tri: Bà Lê Thị Minh Hà, Giám đốc Sở
  thu_ky:
    ho_ten: Võ Thị Ngọc Ánh
  ket_thuc: 16 giờ 30 cùng ngày
noi_dung:
  - Diễn biến cuộc họp và ý kiến kết luận.
""",
    "cong-dien": """\
do_khan: hoa-toc               # độ khẩn (ô 10b): khan | thuong-khan | hoa-toc, in đậm trong khung
dien_gui: Chủ tịch Ủy ban nhân dân tỉnh   # dòng "… điện:" thay cho "Kính gửi:"
kinh_gui:
  - Giám đốc các Sở, Thủ trưởng các ban, ngành tỉnh
  - Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố
noi_dung:
  - Nội dung điện.
""",
}

#: Family of each type: which PARTS, which signer, whether it has a trích yếu.
FAMILY = {
    "cong-van": "cong-van", "thu-cong": "cong-van",
    "ke-hoach": "ke-hoach", "chuong-trinh": "ke-hoach", "phuong-an": "ke-hoach", "de-an": "ke-hoach",
    "du-an": "ke-hoach",
    "quyet-dinh": "quyet-dinh", "nghi-quyet": "quyet-dinh",
    "to-trinh": "to-trinh", "bao-cao": "to-trinh",
    "giay-moi": "giay-moi", "giay-gioi-thieu": "giay-gioi-thieu", "giay-nghi-phep": "giay-nghi-phep",
    "bien-ban": "bien-ban", "cong-dien": "cong-dien",
}
SIGNER = {"quyet-dinh": "head", "ke-hoach": "deputy", "giay-gioi-thieu": "order", "giay-nghi-phep": "order",
          "bien-ban": "chair", "cong-dien": "head", "to-trinh": "head", "giay-moi": "deputy"}

VERBS = {"thong-bao": "thông báo", "huong-dan": "hướng dẫn", "chi-thi": "chỉ thị", "thong-cao": "thông cáo"}


def starter(slug: str, today: dt.date | None = None) -> str:
    """The commented starter form of a type; raises KeyError for an unknown slug."""
    kind = doctypes.DOC_TYPES[slug]
    today = today or dt.date.today()
    family = FAMILY.get(slug, "typed")
    code = f"{kind.abbreviation}-SNV" if kind.abbreviation else "SNV-VP"
    text = HEAD.format(schema=SCHEMA_LINE, name=kind.name, slug=slug, mau=f"Mẫu {kind.mau}" if kind.mau else "không có mẫu riêng",
                       example_code=f"Số: 05/{code}", month=today.month, year=today.year,
                       unit="" if kind.abbreviation else
                       "don_vi_soan_thao: VP           # đơn vị soạn thảo: ký hiệu công văn là SNV-VP (Phụ lục I, mục II.3)\n")
    if slug not in doctypes.NO_SUBJECT:
        subject = _subject(slug)
        text += SUBJECT.format(subject=subject, box="b, in sau 'V/v'" if not kind.abbreviation else "a, in đậm dưới tên loại")
    text += PARTS[family].format(year=today.year, verb=VERBS.get(slug, "ban hành " + kind.name.lower()))
    nhu_tren = ('; "- Như trên;" đứng đầu khi có Kính gửi' if slug in doctypes.KINH_GUI_TYPES else "")
    recipients = "  - Như Điều 3\n" if family == "quyet-dinh" else "  - Giám đốc Sở (để báo cáo)\n"
    if slug == "giay-gioi-thieu":
        recipients = "  - Như trên\n"
    return text + CLOSING.format(nhu_tren=nhu_tren, recipients=recipients,
                                 signer=SIGNERS[SIGNER.get(family, "deputy")])


def _subject(slug: str) -> str:
    if slug in ("cong-van", "thu-cong"):
        return "đề nghị rà soát danh mục hồ sơ năm nay"
    if slug in ("quyet-dinh", "nghi-quyet"):
        return "Về việc thành lập Tổ công tác kiểm tra công tác văn thư, lưu trữ"
    if slug == "giay-moi":
        return "Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ"
    if slug == "bien-ban":
        return "Cuộc họp giao ban công tác văn thư, lưu trữ"
    return "Về công tác văn thư, lưu trữ"
