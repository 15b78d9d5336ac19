import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def soffice():
    """LibreOffice for the PDF tests: installed by scripts/install-office.
    Under scripts/test (hence in CI) its absence is a failure, never a silent skip."""
    from congvan.pdf import OfficeMissing, find_office

    try:
        path = find_office()
    except OfficeMissing as exc:
        message = str(exc)
        if os.environ.get("CI") or os.environ.get("CONGVAN_REQUIRE_OFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def to_pdf(soffice: str, docx_paths: list[Path], outdir: Path) -> list[Path]:
    """Convert several DOCX in one office run (~1 s start-up, then fast), as congvan does."""
    from congvan.pdf import Office

    with Office() as office:
        return office.convert_all([(p, outdir / (p.stem + ".pdf")) for p in docx_paths])
