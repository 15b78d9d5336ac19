"""The Word-editable templates in templates/ are what the rules make them."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document

from congvan.docx import frame
from congvan.docx.writer import template_path


@pytest.mark.parametrize("mau", sorted(frame.TEMPLATE_FILES))
def test_committed_template_is_up_to_date_with_the_rules(mau):
    # After changing congvan.rules, run: PYTHONPATH=src python tools/build_templates.py
    assert template_path(mau).read_bytes() == frame.build(mau), "run tools/build_templates.py"


@pytest.mark.parametrize("mau", sorted(frame.TEMPLATE_FILES))
def test_template_opens_in_word_tools_and_names_its_styles_in_vietnamese(mau):
    path = template_path(mau)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
    document = Document(str(path))
    names = {style.name for style in document.styles}
    assert {"Quốc hiệu", "Tiêu ngữ", "Nội dung", "Nơi nhận"} <= names
    text = "\n".join(p.text for p in document.paragraphs)
    assert "{{p body }}" in text  # the body tag is whole, as docxtpl needs it
