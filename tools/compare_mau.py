"""Side by side: page 1 of each example next to its Mẫu in the decree's PDF.

    PYTHONPATH=src python tools/compare_mau.py   # → docs/compare/mau-*.png

Needs LibreOffice and poppler (scripts/install-office) and Pillow.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import congvan  # noqa: E402

DECREE = ROOT.parent / "shared" / "spec" / "decree" / "phu_luc_III.pdf"
#: Mẫu → (page of phu_luc_III.pdf, example form); each Mẫu's title ends the page before it.
PAIRS = {
    "1.1": (3, "101-nghi-quyet-hdnd-xa.yaml"), "1.2": (4, "102-quyet-dinh-thanh-lap-to-cong-tac.yaml"),
    "1.3": (6, "103-quyet-dinh-ban-hanh-quy-che.yaml"), "1.4": (8, "104-to-trinh-khan.yaml"),
    "1.5": (9, "000-cong-van-bcd-dak-lak-2022.yaml"), "1.6": (10, "106-cong-dien-phong-chong-bao.yaml"),
    "1.7": (11, "107-giay-moi-hoi-nghi.yaml"), "1.8": (12, "108-giay-gioi-thieu.yaml"),
    "1.9": (13, "109-bien-ban-hop.yaml"), "1.10": (14, "110-giay-nghi-phep.yaml"),
    "3.1": (18, "301-ban-sao-y.yaml"),
}


def page_png(pdf: Path, page: int, out: Path) -> Image.Image:
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                    str(out)], check=True)
    return Image.open(f"{out}.png").convert("RGB")


def main() -> None:
    outdir = ROOT / "docs" / "compare"
    outdir.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = []
        for mau, (_, form) in PAIRS.items():
            docs.append(congvan.render(congvan.load(ROOT / "examples" / form), tmp / f"mau-{mau}.docx"))
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless", "--convert-to", "pdf",
                        "--outdir", str(tmp), *map(str, docs)], check=True, capture_output=True, timeout=300)
        for mau, (page, _) in PAIRS.items():
            official = page_png(DECREE, page, tmp / f"official-{mau}")
            ours = page_png(tmp / f"mau-{mau}.pdf", 1, tmp / f"ours-{mau}")
            ours = ours.resize((round(ours.width * official.height / ours.height), official.height))
            side = Image.new("RGB", (official.width + ours.width + 20, official.height), "white")
            side.paste(official, (0, 0))
            side.paste(ours, (official.width + 20, 0))
            side.save(outdir / f"mau-{mau}.png", optimize=True)
            print(f"docs/compare/mau-{mau}.png")


if __name__ == "__main__":
    main()
