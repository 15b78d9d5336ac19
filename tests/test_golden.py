"""Old forms render as before: every committed form against its golden dump.

The dumps in tests/golden/ were made by tools/golden_dump.py from the code
before numbering schemes and the new task styles existed (commit 1d463be);
forms added later got theirs when they were written.  A difference in any
paragraph's style, properties, bold/italic runs or text fails the test.
Regenerate only on purpose: ``python tools/golden_dump.py NAME`` and say why
in the commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import golden_dump  # noqa: E402

FORMS = golden_dump.examples()


def test_every_form_has_a_golden_dump():
    missing = [f.name for f in FORMS if not golden_dump.golden_path(f).exists()]
    assert not missing, f"no golden dump for {missing}: run tools/golden_dump.py NAME"


@pytest.mark.parametrize("form", FORMS, ids=golden_dump.golden_name)
def test_form_renders_as_its_golden_dump(form):
    expected = golden_dump.golden_path(form).read_text(encoding="utf-8")
    actual = golden_dump.dump_example(form)
    if actual != expected:
        import difflib

        diff = "\n".join(list(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "now",
                                                   lineterm=""))[:60])
        pytest.fail(f"{form.name} renders differently from its golden dump:\n{diff}")


def test_the_dump_sees_bold_and_text():
    # The comparison is only as good as the dump: it must see a bold run and the words.
    dump = golden_dump.golden_path(FORMS[0]).read_text(encoding="utf-8")
    assert "[b]" in dump or "P muc" in dump or "P khoan_tieu_de" in dump
    assert "Nơi nhận" in dump
