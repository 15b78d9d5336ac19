"""The tags a DOCX template may use: the names ``writer.context`` fills in.

This is the whole vocabulary of a template, as data: each tag's kind (how it
is written in Word), what it holds in Vietnamese and English, and the form
fields it comes from.  ``writer.context`` fills exactly these names (a test
compares), ``template.check`` refuses any other name before a template is
used, and docs/templates.md lists them from here (tools/gen_template_doc.py).

Kinds, as written in the template:

* ``text`` — one line: ``{{ number }}`` inside a paragraph (a run);
* ``lines`` — a list of lines: ``{%p for line in issuer_lines %}`` … ``{{ line }}`` … ``{%p endfor %}``;
* ``paragraphs`` — whole paragraphs congvan builds and measures: ``{{p body }}``
  alone in a paragraph of its own (the paragraph is replaced).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["text", "lines", "paragraphs"]


@dataclass(frozen=True)
class Tag:
    kind: Kind
    vi: str
    en: str
    fields: tuple[str, ...] = ()  # the form fields it is made from

    def written(self, name: str) -> str:
        """How the tag is written in a template."""
        if self.kind == "paragraphs":
            return f"{{{{p {name} }}}}"
        if self.kind == "lines":
            return f"{{%p for line in {name} %}}…{{{{ line }}}}…{{%p endfor %}}"
        return f"{{{{ {name} }}}}"


TAGS: dict[str, Tag] = {
    # ô 1, ô 2: the header band
    "parent_lines": Tag("lines", "Tên cơ quan chủ quản, từng dòng, in hoa (ô 2)",
                        "the parent agency's name, line by line, upper case (ô 2)", ("co_quan_chu_quan",)),
    "issuer_lines": Tag("lines", "Tên cơ quan ban hành, từng dòng, in hoa (ô 2)",
                        "the issuing agency's name, line by line, upper case (ô 2)", ("co_quan_ban_hanh",)),
    "rule_agency": Tag("paragraphs", "Đường kẻ dưới tên cơ quan ban hành, dài theo chữ",
                       "the rule under the issuing agency, sized from its text"),
    "quoc_hieu": Tag("text", "Quốc hiệu (ô 1)", "the national name (ô 1)"),
    "tieu_ngu": Tag("text", "Tiêu ngữ (ô 1)", "the motto (ô 1)"),
    "rule_motto": Tag("paragraphs", "Đường kẻ dưới Tiêu ngữ, dài bằng Tiêu ngữ", "the rule under the motto"),
    "circulation": Tag("paragraphs", "Chỉ dẫn phạm vi lưu hành trong khung (ô 11)", "the circulation note, boxed (ô 11)",
                       ("luu_hanh",)),
    # ô 3, ô 4, ô 5, ô 10
    "number": Tag("text", "Số, ký hiệu: 'Số: 05/KH-UBND' (ô 3)", "number and ký hiệu (ô 3)",
                  ("so", "ky_hieu", "so_ky_hieu", "don_vi_soan_thao")),
    "place_date": Tag("text", "Địa danh và ngày tháng năm (ô 4)", "place and date (ô 4)", ("dia_danh", "ngay")),
    "subject_cong_van": Tag("text", "Trích yếu công văn 'V/v …' dưới số (ô 5b)",
                            "a công văn's subject, 'V/v …', under the number (ô 5b)", ("trich_yeu",)),
    "type_name": Tag("text", "Tên loại văn bản, in hoa: 'KẾ HOẠCH' (ô 5a)", "the document type's name (ô 5a)",
                     ("loai",)),
    "subject_lines": Tag("lines", "Trích yếu dưới tên loại, từng dòng (ô 5a)",
                         "the subject under the type name, line by line (ô 5a)", ("trich_yeu",)),
    "rule_subject": Tag("paragraphs", "Đường kẻ dưới trích yếu", "the rule under the subject"),
    "header_marks": Tag("paragraphs", "Dấu độ mật, độ khẩn trong khung (ô 10a, 10b)",
                        "confidentiality and urgency boxes (ô 10a, 10b)", ("do_mat", "do_khan")),
    "draft_mark": Tag("paragraphs", "Dấu 'DỰ THẢO' trong khung", "the draft mark, boxed", ("du_thao",)),
    "e_stamp": Tag("paragraphs", "Dòng chữ ký số cỡ 10, góc trên phải (ô 14)",
                   "the 10 pt e-signature line, top right (ô 14)", ("ky_so",)),
    # ô 9a, ô 6
    "kinh_gui": Tag("paragraphs", "Khối 'Kính gửi:' (ô 9a)", "the 'Kính gửi:' block (ô 9a)", ("kinh_gui",)),
    "body": Tag("paragraphs", "Nội dung: căn cứ, mục, khoản, nhiệm vụ, phần cố định của Mẫu, './.' (ô 6)",
                "the body: grounds, sections, items, tasks, the Mẫu's fixed wording, './.' (ô 6)",
                ("noi_dung", "can_cu", "tham_quyen")),
    # ô 7, ô 8, ô 9b
    "noi_nhan_block": Tag("paragraphs", "Nơi nhận như văn thư viết: các dòng, nhóm có ngoặc nhọn và ghi chú, dòng Lưu"
                          " và ô 12 (ô 9b, 12)", "Nơi nhận as offices draw it: the lines, groups under a brace with"
                          " their note, the Lưu line with ô 12 (ô 9b, 12)",
                          ("noi_nhan", "nhu_tren", "luu", "nguoi_soan_thao", "kieu_o12")),
    "noi_nhan_more_block": Tag("paragraphs", "Phần tiếp của Nơi nhận dài, ở hàng sau có thể sang trang (như noi_nhan_block)",
                               "the rest of a long Nơi nhận, in the following row that may break across pages"
                               " (as noi_nhan_block)", ("noi_nhan",)),
    "noi_nhan": Tag("lines", "Các dòng Nơi nhận, có '- ' và dấu câu, cả dòng Lưu (ô 9b)",
                    "the recipient lines, dashes and punctuation included, the Lưu line last (ô 9b)",
                    ("noi_nhan", "luu", "nguoi_soan_thao")),
    "noi_nhan_more": Tag("lines", "Các dòng Nơi nhận còn lại của danh sách dài, ở hàng sau của bảng chữ ký, được"
                         " sang trang; mẫu không có thẻ này thì mọi dòng ở noi_nhan (ô 9b)",
                         "the rest of a long recipient list, in the signature band's next row, which may break"
                         " across pages; without this tag every line goes in noi_nhan (ô 9b)"),
    "authority_lines": Tag("lines", "Quyền hạn, chức vụ người ký: 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC' (ô 7a)",
                           "the signer's authority and position lines (ô 7a)", ("nguoi_ky",)),
    "signature_gap": Tag("paragraphs", "Chỗ ký và đóng dấu, hoặc ảnh chữ ký và dấu (ô 7c, 8)",
                         "room to sign and seal, or the signature and seal images (ô 7c, 8)",
                         ("nguoi_ky.anh_chu_ky", "nguoi_ky.anh_dau")),
    "other_position_lines": Tag("lines", "Chức vụ khác in trên họ tên", "another position printed above the name",
                                ("nguoi_ky.chuc_vu_khac",)),
    "name": Tag("text", "Họ tên người ký, có cấp bậc nếu có (ô 7b)", "the signer's name, with rank if any (ô 7b)",
                ("nguoi_ky.ho_ten", "nguoi_ky.cap_bac")),
    "secretary_title": Tag("text", "Biên bản: chức danh thư ký ký bên trái (Mẫu 1.9)",
                           "minutes: the secretary's title, signing on the left (Mẫu 1.9)", ("bien_ban.thu_ky",)),
    "secretary_gap": Tag("paragraphs", "Biên bản: chỗ thư ký ký", "minutes: room for the secretary to sign"),
    "secretary_name": Tag("text", "Biên bản: họ tên thư ký", "minutes: the secretary's name", ("bien_ban.thu_ky",)),
    # ô 13 and the file's properties
    "contact": Tag("paragraphs", "Địa chỉ, điện thoại … cuối trang 1, trong chân trang đầu (ô 13)",
                   "address, telephone … at the foot of page 1, in the first-page footer (ô 13)", ("lien_he",)),
    "title": Tag("text", "Tiêu đề của tệp (thuộc tính DOCX)", "the file's title (DOCX property)"),
    "subject": Tag("text", "Chủ đề của tệp (thuộc tính DOCX)", "the file's subject (DOCX property)", ("trich_yeu",)),
}

#: A whole fragment and the pieces it replaces: a template holds either (the built-in
#: templates use the fragments; one drawn by hand in Word may use the pieces).
FRAGMENTS: dict[str, tuple[str, ...]] = {
    "noi_nhan_block": ("noi_nhan",),
    "noi_nhan_more_block": ("noi_nhan_more",),
}


def covered(name: str, used) -> bool:
    """Is the content of tag ``name`` printed by the template's other tags (its fragment, or its pieces)?"""
    if name in FRAGMENTS and any(piece in used for piece in FRAGMENTS[name]):
        return True
    return any(name in pieces and whole in used for whole, pieces in FRAGMENTS.items())


#: Names a template may bind itself: the loop variable of ``{%p for line in … %}`` and Jinja's ``loop``.
LOOP_NAMES = ("line", "loop")


def suggestions(name: str) -> list[str]:
    """Tags close to an unknown name: by spelling, or made from the form field of that name."""
    import difflib

    from_field = [tag for tag, info in TAGS.items()
                  if any(name == f or name == f.split(".")[-1] for f in info.fields)]
    return list(dict.fromkeys(from_field + difflib.get_close_matches(name, list(TAGS), n=2, cutoff=0.7)))
