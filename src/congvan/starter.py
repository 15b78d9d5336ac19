"""Commented starter forms: ``congvan new <loại>``.

A starter is a form that renders as written, with a comment on each field
saying what goes there and which rule of the decree is behind it.  The parts
every document has (header, closing, signature) are written once; what
differs by type is data: the row of ``TYPES`` (family of body, issuing
agency, signer, placeholder subject) and, for the short typed documents,
the opening sentence in ``OPENINGS``.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from . import doctypes

#: Editors (VS Code with the YAML extension …) validate and complete the form
#: against the schema that `congvan new` writes beside it.
SCHEMA_FILE = "congvan.schema.json"
SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILE}"

#: Trailing comments start in this column, so the form reads as two columns.
COMMENT_COLUMN = 31


class Issuer(NamedTuple):
    """A plausible issuing agency, and the words that depend on it."""

    chu_quan: str | None   # cơ quan chủ quản (ô 2, upper line)
    ten: str               # tên cơ quan ban hành as written in running text
    viet_tat: str
    dia_danh: str
    tham_quyen: str        # quyết định / nghị quyết authority line
    de_nghi: str           # "Theo đề nghị của …"
    thi_hanh: str          # who executes a quyết định / nghị quyết
    cap_tren: str          # the body reported to: a Kính gửi / Nơi nhận "(để báo cáo)"
    luu: str               # the drafting unit in "Lưu: VT, …"


ISSUERS = {
    "so": Issuer("UBND tỉnh Khánh Hòa", "Sở Nội vụ", "SNV", "Khánh Hòa", "Giám đốc Sở Nội vụ",
                 "Chánh Văn phòng Sở", "Chánh Văn phòng Sở, Trưởng các phòng thuộc Sở và các cá nhân có tên tại Điều 1",
                 "Ủy ban nhân dân tỉnh Khánh Hòa", "VP"),
    "ubnd": Issuer(None, "Ủy ban nhân dân tỉnh Khánh Hòa", "UBND", "Khánh Hòa", "Chủ tịch Ủy ban nhân dân tỉnh",
                   "Giám đốc Sở Nội vụ", "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh",
                   "Bộ Nội vụ", "NC"),
    "hdnd": Issuer(None, "Hội đồng nhân dân xã Diên Lạc", "HĐND", "Diên Lạc", "Hội đồng nhân dân xã Diên Lạc",
                   "Thường trực Hội đồng nhân dân xã", "Thường trực Hội đồng nhân dân, Ủy ban nhân dân xã",
                   "Thường trực Hội đồng nhân dân tỉnh", "VP"),
}

#: Signature blocks (ô 7, Điều 13); the comment says which authority it shows.
SIGNERS = {
    "head": "  chuc_vu: Giám đốc             # người đứng đầu ký trực tiếp: không ghi quyền hạn\n"
            "  ho_ten: Lê Thị Minh Hà\n",
    "deputy": "  ky_thay: Giám đốc             # KT.: cấp phó ký thay người đứng đầu\n"
              "  chuc_vu: Phó Giám đốc\n  ho_ten: Phan Văn Đức\n",
    "order": "  thua_lenh: Giám đốc           # TL.: người đứng đầu đơn vị ký thừa lệnh (Điều 13.4)\n"
             "  chuc_vu: Chánh Văn phòng\n  ho_ten: Đặng Minh Khoa\n",
    "chairman": "  chuc_vu: Chủ tịch             # người đứng đầu ký trực tiếp: không ghi quyền hạn\n"
                "  ho_ten: Nguyễn Văn Thành\n",
    "collective": "  thay_mat: Ủy ban nhân dân     # TM.: thay mặt tập thể lãnh đạo (Điều 13.2)\n"
                  "  ky_thay: Chủ tịch             # KT.: cấp phó ký thay người đứng đầu\n"
                  "  chuc_vu: Phó Chủ tịch\n  ho_ten: Nguyễn Văn Thành\n",
    "council": "  thay_mat: Hội đồng nhân dân   # TM.: thay mặt tập thể (Điều 13.2)\n"
               "  chuc_vu: Chủ tịch\n  ho_ten: Trần Văn Lâm\n",
    "chair": "  chuc_vu: Chủ tọa              # chủ tọa ký bên phải; thư ký ký bên trái (bien_ban.thu_ky)\n"
             "  ho_ten: Lê Thị Minh Hà\n",
}


class Row(NamedTuple):
    family: str       # which BODIES entry
    issuer: str       # which ISSUERS entry
    signer: str       # which SIGNERS entry
    subject: str | None  # trích yếu placeholder; None for types without one (Mẫu 1.8, 1.10)


TYPES = {
    "nghi-quyet": Row("quyet-dinh", "hdnd", "council",
                      "Về việc thông qua Kế hoạch công tác văn thư, lưu trữ năm {year}"),
    "quyet-dinh": Row("quyet-dinh", "so", "head",
                      "Về việc thành lập Tổ công tác kiểm tra công tác văn thư, lưu trữ năm {year}"),
    "chi-thi": Row("typed", "ubnd", "chairman", "Về tăng cường công tác văn thư, lưu trữ"),
    "quy-che": Row("quy-che", "so", "head", "Công tác văn thư, lưu trữ của Sở Nội vụ"),
    "quy-dinh": Row("quy-che", "so", "head", "Lập hồ sơ và nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan"),
    "thong-cao": Row("typed", "ubnd", "collective", "Kết quả kỳ họp thường kỳ tháng {month} năm {year}"),
    "thong-bao": Row("typed", "so", "order", "Kết luận của Giám đốc Sở tại cuộc họp giao ban tháng {month}/{year}"),
    "huong-dan": Row("typed", "so", "deputy", "Lập hồ sơ và nộp lưu hồ sơ, tài liệu năm {year}"),
    "chuong-trinh": Row("ke-hoach", "so", "deputy", "Công tác văn thư, lưu trữ năm {year}"),
    "ke-hoach": Row("ke-hoach", "so", "deputy", "Kiểm tra công tác văn thư, lưu trữ năm {year}"),
    "phuong-an": Row("ke-hoach", "so", "deputy", "Bảo quản tài liệu lưu trữ trong mùa mưa bão năm {year}"),
    "de-an": Row("ke-hoach", "ubnd", "collective", "Số hóa tài liệu lưu trữ của tỉnh Khánh Hòa"),
    "du-an": Row("ke-hoach", "so", "deputy", "Xây dựng kho lưu trữ chuyên dụng của Sở Nội vụ"),
    "bao-cao": Row("bao-cao", "so", "head", "Kết quả công tác văn thư, lưu trữ năm {year}"),
    "bien-ban": Row("bien-ban", "so", "chair", "Cuộc họp giao ban công tác văn thư, lưu trữ"),
    "to-trinh": Row("to-trinh", "so", "head",
                    "Về việc đề nghị phê duyệt kinh phí tập huấn nghiệp vụ văn thư năm {year}"),
    "hop-dong": Row("thoa-thuan", "so", "head", "Về việc chỉnh lý tài liệu lưu trữ năm {year}"),
    "cong-dien": Row("cong-dien", "ubnd", "chairman", "Về việc chủ động bảo vệ tài liệu lưu trữ trước mùa mưa bão"),
    "ban-ghi-nho": Row("thoa-thuan", "so", "head", "Về hợp tác trong công tác lưu trữ"),
    "ban-thoa-thuan": Row("thoa-thuan", "so", "head", "Về phối hợp khai thác tài liệu lưu trữ"),
    "giay-uy-quyen": Row("typed", "so", "head", "Về việc ký hợp đồng chỉnh lý tài liệu lưu trữ"),
    "giay-moi": Row("giay-moi", "so", "deputy", "Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ năm {year}"),
    "giay-gioi-thieu": Row("giay-gioi-thieu", "so", "order", None),
    "giay-nghi-phep": Row("giay-nghi-phep", "so", "order", None),
    "phieu-gui": Row("typed", "so", "order", "Về việc gửi hồ sơ đề nghị nộp lưu tài liệu"),
    "phieu-chuyen": Row("typed", "so", "order", "Về việc chuyển đơn đề nghị khai thác tài liệu"),
    "phieu-bao": Row("typed", "so", "order", "Về việc nộp báo cáo thống kê công tác văn thư, lưu trữ"),
    "cong-van": Row("cong-van", "so", "deputy", "đề nghị rà soát danh mục hồ sơ năm {year}"),
    "thu-cong": Row("thu-cong", "so", "head", "cảm ơn sự phối hợp trong công tác lưu trữ năm {year}"),
}

#: First sentence of the short typed documents (family "typed").
OPENINGS = {
    "chi-thi": "Thời gian qua, công tác văn thư, lưu trữ của các cơ quan, đơn vị đã có chuyển biến;"
               " để khắc phục những hạn chế còn tồn tại, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:",
    "thong-cao": "Ngày {day} tháng {month} năm {year}, Ủy ban nhân dân tỉnh họp phiên thường kỳ; kết quả như sau:",
    "thong-bao": "Ngày {day} tháng {month} năm {year}, Giám đốc Sở chủ trì cuộc họp giao ban; Giám đốc Sở kết luận:",
    "huong-dan": "Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư,"
                 " Sở Nội vụ hướng dẫn như sau:",
    "giay-uy-quyen": "Giám đốc Sở Nội vụ ủy quyền cho Chánh Văn phòng Sở thực hiện các việc sau:",
    "phieu-gui": "Sở Nội vụ gửi kèm theo Phiếu này các hồ sơ, tài liệu sau:",
    "phieu-chuyen": "Sở Nội vụ chuyển đến Trung tâm Lưu trữ lịch sử tỉnh các hồ sơ sau để giải quyết theo thẩm quyền:",
    "phieu-bao": "Sở Nội vụ báo để các cơ quan, đơn vị biết và thực hiện các nội dung sau:",
}

HEAD = """\
{schema}
# {name} — biểu mẫu khởi đầu do `congvan new {slug}` tạo ({mau}).
# Sửa các giá trị, giữ nguyên tên trường; chạy: congvan render {slug}.yaml -o {slug}.docx
# Chữ **đậm** và *nghiêng* trong nội dung viết như Markdown. Văn bản có ': ' thì đặt trong "…".
loai: {slug}
co_chu: lon # cỡ chữ 13/14 ('nho' = 12/13); các thành phần đổi cỡ cùng nhau (Phụ lục I, mục V)
{chu_quan_block}co_quan_ban_hanh: # cơ quan ban hành: in hoa, đậm, có đường kẻ 1/3–1/2 dưới tên (ô 2)
  ten: {ten} # tên đầy đủ, không viết tắt; "\\n" trong dấu "…" để tự ngắt dòng
  viet_tat: {viet_tat} # dùng trong ký hiệu: Số: 05/{code}
{unit_block}so: # số văn bản: để trống để văn thư điền khi ban hành; số < 10 tự thêm 0 (ô 3)
dia_danh: {dia_danh} # địa danh nơi cơ quan đóng trụ sở (ô 4)
ngay: {month}/{year} # ví dụ 15/7/{year}; chỉ ghi tháng/năm thì ngày để trống cho văn thư (ô 4)
"""

CHU_QUAN = """\
co_quan_chu_quan: # cơ quan chủ quản trực tiếp (nếu có): in hoa, không đậm (ô 2); không có thì xóa 2 dòng này
  ten: {chu_quan} # được viết tắt các cụm từ thông dụng (UBND, HĐND)
"""

UNIT = """\
don_vi_soan_thao: VP # đơn vị soạn thảo: ký hiệu công văn thành {viet_tat}-VP (Phụ lục I, mục II.3)
"""

SUBJECT = """\
trich_yeu: {subject} # trích yếu (ô 5{box}): ngắn gọn, không chấm cuối
"""

KINH_GUI = """\
kinh_gui: # Kính gửi (ô 9a): một nơi thì cùng dòng, căn giữa; nhiều nơi thì mỗi nơi một dòng "- …;"
{kinh_gui}# kinh_gui_mot_noi: thut-le # một nơi: thụt lề như Mẫu 1.5 thay vì căn giữa (mặc định: giua)
"""

BODIES = {
    "cong-van": KINH_GUI + """\
# danh_so: so # đánh số đề mục: so (1. / a) / -, mặc định) | la-ma (I. / 1. / 1.1. / a)) | so-nhieu-cap (1. / 1.1. / 1.1.1.)
# danh_so: {{kieu: so, cap: {{khoan: {{khoan_so_dam: true}}}}}} # sửa từng cấp, ví dụ số khoản in đậm "**1.**"
noi_dung: # nội dung (ô 6): đoạn văn căn đều hai lề, thụt đầu dòng 1 cm; congvan thêm "./." cuối
  - Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư, {ten} đề nghị như sau.
  - khoan: Rà soát danh mục hồ sơ năm {year}, gửi về Sở **trước ngày 15/12/{year}**. # khoản tự đánh số 1., 2.
  - khoan: Cử công chức phụ trách văn thư tham dự tập huấn.
  - Đề nghị các cơ quan, đơn vị quan tâm, thực hiện.
""",
    "thu-cong": KINH_GUI + """\
noi_dung: # thư công: thư cảm ơn, chúc mừng, thăm hỏi; các đoạn văn, không đánh số
  - Trong năm {year}, {ten} đã nhận được sự phối hợp chặt chẽ trong công tác lưu trữ.
  - {ten} trân trọng cảm ơn và mong tiếp tục nhận được sự phối hợp trong thời gian tới.
""",
    "ke-hoach": """\
cach_phan_cong: theo-co-quan # cách in phân công: theo-co-quan | ngoac | phan-cong | nguyen-van (in đúng câu đã viết; cùng dữ liệu nhiệm vụ)
# danh_so: so-nhieu-cap # đánh số đề mục: la-ma (I. / 1. / 1.1. / a), mặc định) | so (1. / a) / -) | so-nhieu-cap (1. / 1.1. / 1.1.1. / a))
noi_dung: # nội dung (ô 6): mục, khoản tự đánh số; congvan thêm "./." cuối
  - Thực hiện chỉ đạo của cấp trên, {ten} ban hành {name} như sau.
  - muc: Mục đích, yêu cầu # mục cấp I: số La Mã, in hoa, đậm
    noi_dung:
      - muc: Mục đích # cấp 2: 1., 2.; cấp 3: 1.1.; rồi a), b)
        noi_dung:
          - Nâng cao chất lượng công tác văn thư, lưu trữ.
      - muc: Yêu cầu
        noi_dung:
          - gach: # gạch đầu dòng "- "
              - Bảo đảm đúng thể thức theo Phụ lục I Nghị định số 30/2020/NĐ-CP;
              - Phân công rõ cơ quan chủ trì, phối hợp và thời hạn.
  - muc: Nhiệm vụ, giải pháp
    noi_dung:
      - nhiem_vu: # mỗi nhiệm vụ: nội dung, chủ trì (bắt buộc), phối hợp, thời hạn, sản phẩm
          - noi_dung: Tổ chức tập huấn nghiệp vụ văn thư cho công chức các sở, ngành.
            chu_tri: Sở Nội vụ
            phoi_hop: [Sở Tài chính] # một cơ quan, hoặc danh sách [A, B]
            thoi_han: Quý III/{year} # ngày (15/8/{year}), khoảng (01/7 - 31/7/{year}), kỳ (Quý III/{year}) hoặc thường xuyên
            san_pham: Báo cáo kết quả tập huấn # tùy chọn
          - noi_dung: Bố trí kinh phí thực hiện.
            chu_tri: Sở Tài chính
            thoi_han: thường xuyên
  - muc: Kinh phí
    noi_dung:
      - so_tien: 150000000 # in bằng số và bằng chữ: "150.000.000 đồng (Bằng chữ: …)"
        noi_dung: "Tổng kinh phí:"
  - muc: Tổ chức thực hiện
    noi_dung:
      - Các cơ quan, đơn vị căn cứ {name} này triển khai thực hiện; báo cáo kết quả về {ten}.
# phu_luc: # phụ lục (Phụ lục I, mục III.1): bảng STT, nhiệm vụ, chủ trì, phối hợp, thời hạn lập từ các nhiệm vụ
#   - tieu_de: Phân công nhiệm vụ
#     bang_nhiem_vu: true
""",
    "quyet-dinh": """\
tham_quyen: {tham_quyen} # thẩm quyền ban hành (in hoa, đậm, dưới trích yếu)
can_cu: # căn cứ: in nghiêng, mỗi căn cứ một dòng; congvan thêm ";" và "." cuối
  - Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư
theo_de_nghi: {de_nghi} # in thành "Theo đề nghị của ….", dòng cuối phần căn cứ (hoặc viết "Xét đề nghị của …")
noi_dung: # các điều: "Điều 1." tự đánh số, in đậm; tiêu đề điều (nếu có) viết sau "dieu:"
  - dieu:
    noi_dung:
      - {subject_sentence}.
  - dieu:
    noi_dung:
      - {name} này có hiệu lực kể từ ngày ký.
  - dieu:
    noi_dung:
      - {thi_hanh} chịu trách nhiệm thi hành {name} này.
""",
    "quy-che": """\
# Quy chế, quy định thường ban hành kèm theo một quyết định (Mẫu 1.3):
# xem `congvan new quyet-dinh` và trường kem_theo (in "(Ban hành kèm theo Quyết định số …)";
# kem_theo.nguoi_ky: nhu-quyet-dinh nhắc lại khối chữ ký cuối văn bản kèm theo).
noi_dung: # chương, điều tự đánh số: "Chương I" rồi tiêu đề in hoa; "Điều 1." in đậm
  - chuong: Quy định chung
    noi_dung:
      - dieu: Phạm vi điều chỉnh
        noi_dung:
          - {name} này quy định về {subject_lower}.
      - dieu: Đối tượng áp dụng
        noi_dung:
          - {name} này áp dụng đối với các phòng, đơn vị và công chức, viên chức của Sở.
  - chuong: Tổ chức thực hiện
    noi_dung:
      - dieu: Trách nhiệm thi hành
        noi_dung:
          - khoan: Chánh Văn phòng Sở theo dõi, kiểm tra việc thực hiện. # khoản 1., 2.; điểm a), b)
          - khoan: Trưởng các phòng, đơn vị tổ chức thực hiện {name} này.
""",
    "thoa-thuan": """\
# Hai bên cùng ký: congvan in một khối chữ ký (bên ban hành); khối của bên kia thêm khi sửa bản DOCX.
can_cu: # căn cứ: in nghiêng, mỗi căn cứ một dòng; congvan thêm ";" và "." cuối
  - Căn cứ Bộ luật Dân sự ngày 24 tháng 11 năm 2015
  - Căn cứ nhu cầu và khả năng của hai bên
noi_dung: # các bên, rồi các điều; "Điều 1." tự đánh số, in đậm
  - "**Bên A:** {ten}, đại diện: bà Lê Thị Minh Hà, Giám đốc."
  - "**Bên B:** Trung tâm Lưu trữ lịch sử tỉnh, đại diện: ông Trần Quốc Bảo, Giám đốc."
  - "Hai bên thống nhất các nội dung sau:"
  - dieu: Nội dung thỏa thuận # "Điều 1." tự đánh số
    noi_dung:
      - Nêu các công việc, quyền và nghĩa vụ của mỗi bên.
  - dieu: Hiệu lực
    noi_dung:
      - {name} này có hiệu lực kể từ ngày ký, được lập thành 04 bản, mỗi bên giữ 02 bản.
""",
    "to-trinh": KINH_GUI + """\
noi_dung: # nội dung (ô 6): lý do, nội dung đề nghị; mục I., II. in hoa, đậm
  - "{ten} kính trình {cap_tren} xem xét nội dung sau:"
  - muc: Sự cần thiết
    noi_dung:
      - Nêu lý do, căn cứ của đề nghị.
  - muc: Nội dung đề nghị
    noi_dung:
      - so_tien: 150000000 # in bằng số và bằng chữ: "150.000.000 đồng (Bằng chữ: …)"
        noi_dung: "Kinh phí đề nghị:"
  - "{ten} kính trình {cap_tren} xem xét, quyết định."
""",
    "bao-cao": KINH_GUI + """\
# danh_so: la-ma # báo cáo dài: mục I., II. in hoa; mặc định của báo cáo là 'so': 1., 2. rồi a), b)
noi_dung: # nội dung (ô 6): kết quả, tồn tại, phương hướng, kiến nghị
  - Thực hiện chỉ đạo của {cap_tren}, {ten} báo cáo như sau.
  - muc: Kết quả thực hiện # mục 1., 2. in đậm (danh_so: la-ma thì I., II. in hoa)
    noi_dung:
      - Số liệu, kết quả đạt được; chữ **đậm** để nhấn mạnh.
  - muc: Tồn tại, hạn chế và nguyên nhân
    noi_dung:
      - Nêu tồn tại, hạn chế.
  - muc: Phương hướng, nhiệm vụ thời gian tới
    noi_dung:
      - Nêu nhiệm vụ trọng tâm.
  - muc: Kiến nghị, đề xuất
    noi_dung:
      - Nêu kiến nghị (nếu có).
""",
    "typed": """\
noi_dung: # nội dung (ô 6); congvan tự đánh số mục, khoản và thêm "./." cuối
  - "{opening}"
  - khoan: Nội dung thứ nhất. # khoản tự đánh số 1., 2.
  - khoan: Nội dung thứ hai.
""",
    "giay-moi": """\
giay_moi: # Mẫu 1.7: các câu cố định ("trân trọng kính mời", "Tới dự") do congvan viết
  kinh_moi: Lãnh đạo Văn phòng các sở, ban, ngành tỉnh
  toi_du: Hội nghị tập huấn nghiệp vụ văn thư, lưu trữ năm {year}.
  chu_tri: Đồng chí Lê Thị Minh Hà, Giám đốc Sở Nội vụ
  thoi_gian: 07 giờ 30, ngày 15 tháng 8 năm {year}
  dia_diem: Hội trường Sở Nội vụ
noi_dung: # các vấn đề cần lưu ý
  - Đề nghị các cơ quan cử người tham dự đúng thành phần.
""",
    "giay-gioi-thieu": """\
gioi_thieu: # Mẫu 1.8: không có trích yếu; các câu cố định do congvan viết
  ong_ba: Nguyễn Thị Thanh Tâm
  chuc_vu: Chuyên viên
  duoc_cu_den: Trung tâm Lưu trữ quốc gia I
  ve_viec: Liên hệ khai thác tài liệu lưu trữ
  gia_tri_den: 31/12/{year}
""",
    "giay-nghi-phep": """\
nghi_phep: # Mẫu 1.10: không có trích yếu; các câu cố định do congvan viết
  don_ngay: 10/7/{year}
  ong_ba: Trần Văn Phúc
  chuc_vu: Chuyên viên
  thoi_gian: 05 ngày
  tu_ngay: 21/7/{year}
  den_ngay: 25/7/{year}
  tai: xã Diên Lạc, tỉnh Khánh Hòa
""",
    "bien-ban": """\
bien_ban: # Mẫu 1.9: không có dòng địa danh, ngày; hai chữ ký (thư ký bên trái, chủ tọa bên phải)
  thoi_gian_bat_dau: 14 giờ 00, ngày 15 tháng 8 năm {year}
  dia_diem: Phòng họp số 2, Sở Nội vụ
  thanh_phan: Lãnh đạo Sở; Trưởng các phòng
  chu_tri: Bà Lê Thị Minh Hà, Giám đốc Sở
  thu_ky:
    ho_ten: Võ Thị Ngọc Ánh
  ket_thuc: 16 giờ 30 cùng ngày
noi_dung: # diễn biến, ý kiến, kết luận
  - Diễn biến cuộc họp và ý kiến kết luận.
""",
    "cong-dien": """\
do_khan: hoa-toc # độ khẩn (Phụ lục I, mục III.3): khan | thuong-khan | hoa-toc, in đậm trong khung
dien_gui: Chủ tịch Ủy ban nhân dân tỉnh # dòng "… điện:" thay cho "Kính gửi:" (Mẫu 1.6)
kinh_gui: # nơi nhận điện: mỗi nơi một dòng
  - Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh
  - Chủ tịch Ủy ban nhân dân các xã, phường
noi_dung: # nội dung điện: ngắn gọn, khoản tự đánh số
  - "Để chủ động bảo vệ an toàn tài liệu lưu trữ, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:"
  - khoan: Kiểm tra kho lưu trữ, di chuyển tài liệu khỏi nơi có nguy cơ ngập **trước ngày 30/9/{year}**.
  - khoan: Báo cáo kết quả về Sở Nội vụ.
""",
}

#: Who a family addresses (Kính gửi) and whom it lists in Nơi nhận; the
#: Kính gửi types get "- Như trên;" from congvan, so it is not repeated.
KINH_GUI_LINES = {
    "cong-van": ["Các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"],
    "thu-cong": ["Trung tâm Lưu trữ lịch sử tỉnh"],
}
RECIPIENTS = {
    "quyet-dinh": ["Như Điều 3"],
    "to-trinh": ["Lãnh đạo Sở"],
    "bao-cao": ["Lãnh đạo Sở"],
    "thu-cong": ["Như trên"],
    "cong-dien": ["Như trên", "{cap_tren} (để báo cáo)"],
}

CLOSING = """\
noi_nhan: # nơi nhận (ô 9b): mỗi dòng một nơi; congvan tự thêm "- ", ";" và dòng Lưu{nhu_tren}
{recipients}  # - {{nhom: [Bộ Nội vụ, Bộ Tài chính], ghi_chu: để b/c}} # nhiều nơi chung một ghi chú: ngoặc "}}" và "(để b/c)"
  # - {{ten: Báo Khánh Hòa, ghi_chu: để đưa tin, ghi_chu_dong_rieng: true}} # ghi chú xuống dòng riêng
# nhu_tren: nhu-thanh-phan # dòng đầu Nơi nhận: tu-dong (mặc định) | nhu-tren | nhu-thanh-phan | khong
luu: # dòng cuối của Nơi nhận
  don_vi: [{luu}] # "- Lưu: VT, {luu}.": văn thư và đơn vị soạn thảo lưu
  # so_ban: 2 # số bản lưu (nếu cần)
# nguoi_soan_thao: # ô 12 (nếu cần): ký hiệu người soạn thảo và số bản phát hành "PL.(300)."
#   ky_hieu: PL
#   so_ban: 300
# kieu_o12: nghi-dinh # cách ghi ô 12: nghi-dinh "PL.(300)" | don-vi "VP(bnt)" | chi-so-duoi "VPh5" | don-vi-vt-sau | chi-so-duoi-vt-sau
nguoi_ky: # ô 7: quyền hạn, chức vụ in hoa, đậm; họ tên in đậm (Điều 13)
{signer}"""


def starter(slug: str, today: dt.date | None = None) -> str:
    """The commented starter form of a type; raises KeyError for an unknown slug."""
    kind, row = doctypes.DOC_TYPES[slug], TYPES[slug]
    issuer = ISSUERS[row.issuer]
    today = today or dt.date.today()
    words = dict(issuer._asdict(), slug=slug, name=kind.name, year=today.year, month=today.month, day=today.day)
    subject = (row.subject or "").format(**words)
    words.update(
        subject_lower=_lower_first(subject),
        subject_sentence=_upper_first(_lower_first(subject)),
        opening=OPENINGS.get(slug, "").format(**words),
        kinh_gui=_items(KINH_GUI_LINES.get(row.family, [issuer.cap_tren]), words),
    )
    return align_comments(_head(kind, issuer, words) + _subject(kind, subject) + BODIES[row.family].format(**words)
                          + _closing(slug, row, issuer, words))


def _head(kind: doctypes.DocType, issuer: Issuer, words: dict) -> str:
    code = f"{kind.abbreviation}-{issuer.viet_tat}" if kind.abbreviation else f"{issuer.viet_tat}-VP"
    return HEAD.format(
        schema=SCHEMA_LINE, code=code, mau=f"Mẫu {kind.mau}" if kind.mau else "không có mẫu riêng, như Mẫu 1.4",
        chu_quan_block=CHU_QUAN.format(**words) if issuer.chu_quan else "",
        unit_block="" if kind.abbreviation else UNIT.format(**words), **words,
    )


def _subject(kind: doctypes.DocType, subject: str) -> str:
    if kind.slug in doctypes.NO_SUBJECT:
        return ""
    box = "a, in đậm dưới tên loại" if kind.abbreviation else "b, in sau 'V/v'"
    return SUBJECT.format(subject=subject, box=box)


def _closing(slug: str, row: Row, issuer: Issuer, words: dict) -> str:
    nhu_tren = '; "- Như trên;" đứng đầu khi có Kính gửi' if slug in doctypes.KINH_GUI_TYPES else ""
    recipients = _items(RECIPIENTS.get(row.family, ["{cap_tren} (để báo cáo)"]), words)
    return CLOSING.format(nhu_tren=nhu_tren, recipients=recipients, luu=issuer.luu, signer=SIGNERS[row.signer])


def _items(lines: list[str], words: dict) -> str:
    return "".join(f"  - {line.format(**words)}\n" for line in lines)


def _lower_first(subject: str) -> str:
    text = subject.removeprefix("Về việc ").removeprefix("Về ")
    return text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def align_comments(text: str) -> str:
    """Start every trailing ``# …`` comment in the same column.

    Only a ``" # "`` outside quotes counts; placeholders never contain one.
    """
    lines = []
    for line in text.splitlines():
        code, sep, comment = line.partition(" # ")
        if sep and not line.lstrip().startswith("#") and code.count('"') % 2 == 0:
            line = f"{code.rstrip():<{COMMENT_COLUMN - 1}} # {comment}"
        lines.append(line)
    return "\n".join(lines) + "\n"
