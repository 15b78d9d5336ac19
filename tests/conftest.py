import os
import shutil
import subprocess
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
    path = shutil.which("soffice")
    if not path:
        message = "LibreOffice (soffice) is missing: run ./scripts/install-office"
        if os.environ.get("CI") or os.environ.get("CONGVAN_REQUIRE_OFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def to_pdf(soffice: str, docx_paths: list[Path], outdir: Path) -> list[Path]:
    """Convert several DOCX in one LibreOffice call (~1 s start-up, then fast)."""
    profile = outdir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), *map(str, docx_paths)],
        check=True, capture_output=True, timeout=300,
    )
    return [outdir / (p.stem + ".pdf") for p in docx_paths]
