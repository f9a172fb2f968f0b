"""The application icon: the committed PNG, ICO and ICNS files are what the SVG renders to."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tests.installers.helpers import ROOT, load

build_icons = load("build_icons.py")
ICONS = ROOT / "resources" / "icons"


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("icons")
    build_icons.build(output)
    return output


def same_picture(a: Image.Image, b: Image.Image) -> bool:
    """Equal size and at most a rounding step apart in every channel (cairo builds differ)."""
    if a.size != b.size:
        return False
    difference = ImageChops.difference(a.convert("RGBA"), b.convert("RGBA"))
    return all(high <= 2 for _, high in difference.getextrema())


@pytest.mark.parametrize("size", build_icons.PNG_SIZES)
def test_committed_pngs_match_the_svg(fresh: Path, size: int) -> None:
    committed = ICONS / f"clerk-{size}.png"
    with Image.open(committed) as image, Image.open(fresh / committed.name) as rendered:
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        assert same_picture(image, rendered), (
            f"{committed.name} is out of date: run python3 installers/build_icons.py"
        )


def test_ico_holds_each_size_rendered_from_the_svg() -> None:
    with Image.open(ICONS / "clerk.ico") as ico:
        assert ico.info["sizes"] == {(s, s) for s in build_icons.ICO_SIZES}
        for size in build_icons.ICO_SIZES:
            ico.size = (size, size)
            ico.load()
            with Image.open(ICONS / f"clerk-{size}.png") as png:
                assert same_picture(ico, png), f"the {size}px ICO image is not the {size}px PNG"


def test_icns_holds_the_macos_sizes() -> None:
    with Image.open(ICONS / "clerk.icns") as icns:
        assert icns.size == (1024, 1024)
        sizes = {(w, h) for w, h, _ in icns.info["sizes"]}
        assert {(16, 16), (32, 32), (128, 128), (256, 256), (512, 512)} <= sizes


def test_small_icon_is_legible() -> None:
    """At 16 px the page and its lines are still there: light page, dark lines, gold quill."""
    with Image.open(ICONS / "clerk-16.png") as image:
        rgb = image.convert("RGB")
        page = rgb.getpixel((3, 12))
        line = rgb.getpixel((5, 4))
        assert min(page) > 200, page  # the page
        assert max(line) < 110, line  # a line of minutes on it
        colours = {rgb.getpixel((x, y)) for x in range(16) for y in range(16)}
        assert any(r > 180 and 120 < g < 200 and b < 120 for r, g, b in colours)  # the quill
