"""Generate Clerk's icons from the SVG source: PNG sizes, a Windows ICO and a macOS ICNS.

    python3 installers/build_icons.py [OUTPUT_DIR]

Reads ``resources/icons/clerk.svg``; writes ``clerk-<N>.png`` for every size below, ``clerk.ico``
and ``clerk.icns`` into OUTPUT_DIR (default: ``resources/icons``). Needs cairosvg (PyPI, on the
system cairo library, Debian's libcairo2) to rasterise, and Pillow to assemble ICO and ICNS.
Each size is rendered from the vector source, never scaled down from a larger bitmap, so the
16 x 16 icon keeps its pixel-aligned lines. Run it again after editing the SVG and commit the
results; tests/installers/test_icons.py fails while they differ.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import cairosvg
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "clerk.svg"
#: Freedesktop hicolor sizes, plus 1024 for macOS Retina.
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: Pillow's ICNS writer stores 32 (16@2x), 64 (32@2x), 128, 256, 512 and 1024.
ICNS_SIZES = (32, 64, 128, 256, 512)


def render(size: int, source: Path = SOURCE) -> Image.Image:
    """The SVG rasterised at size x size, RGBA."""
    png = cairosvg.svg2png(url=str(source), output_width=size, output_height=size)
    image = Image.open(io.BytesIO(png))
    image.load()
    return image.convert("RGBA")


def build(output: Path, source: Path = SOURCE) -> list[Path]:
    output.mkdir(parents=True, exist_ok=True)
    images = {size: render(size, source) for size in PNG_SIZES}
    written = []
    for size, image in images.items():
        path = output / f"clerk-{size}.png"
        image.save(path, optimize=True)
        written.append(path)
    ico = output / "clerk.ico"
    images[256].save(
        ico,
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[images[size] for size in ICO_SIZES if size != 256],
    )
    icns = output / "clerk.icns"
    images[1024].save(icns, format="ICNS", append_images=[images[s] for s in ICNS_SIZES])
    return [*written, ico, icns]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE.parent
    for path in build(target):
        print(path)
