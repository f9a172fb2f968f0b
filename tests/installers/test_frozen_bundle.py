"""The frozen Linux bundle, built by installers/linux/build and run as a clerk would run it.

The tarball is unpacked into a temporary folder outside the checkout and every program runs with
a clean environment: no PYTHONPATH, no virtual environment, the working directory and CLERK_HOME
in temporary folders. Building takes a minute or two, so this module runs in CI (CI is set) or
when CLERK_TEST_INSTALLERS=1; elsewhere it is skipped with that reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import clerk

ROOT = Path(__file__).resolve().parents[2]
WANTED = bool(os.environ.get("CI") or os.environ.get("CLERK_TEST_INSTALLERS"))

if not WANTED:
    pytest.skip(
        "builds the PyInstaller bundle: CI runs it; CLERK_TEST_INSTALLERS=1 runs it here",
        allow_module_level=True,
    )
if not sys.platform.startswith("linux"):
    pytest.skip("the Linux bundle", allow_module_level=True)
pytestmark = pytest.mark.slow

#: The unpacked bundle must stay below this (it is about 210 MB): a dependency dragging in
#: something large (numpy, QtWebEngine, ...) fails here rather than in a clerk's download.
SIZE_BUDGET = 240 * 1024 * 1024


@dataclass(frozen=True)
class Bundle:
    folder: Path  # the unpacked clerk-<version>-linux-<arch>/
    tarball: Path

    def run(
        self, program: str, *args: str, cwd: Path, home: Path, timeout: float = 300
    ) -> subprocess.CompletedProcess[str]:
        """The frozen program, with nothing of the checkout or the build environment."""
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "CLERK_HOME": str(home),
            "CLERK_USER": "test-clerk",
            "QT_QPA_PLATFORM": "offscreen",
        }
        return subprocess.run(
            [str(self.folder / program), *args],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def ok(self, program: str, *args: str, cwd: Path, home: Path) -> str:
        result = self.run(program, *args, cwd=cwd, home=home)
        assert result.returncode == 0, (
            f"{program} {' '.join(args)} exited {result.returncode}:\n"
            f"{result.stdout}\n{result.stderr}"
        )
        return result.stdout


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHON"] = sys.executable
    env["PYTHONPATH"] = str(ROOT)
    build = subprocess.run(
        ["bash", str(ROOT / "installers" / "linux" / "build")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    assert build.returncode == 0, f"the Linux build failed:\n{build.stdout}\n{build.stderr}"
    tarball = Path(ROOT / build.stdout.strip().splitlines()[-1])
    assert tarball.name == f"clerk-{clerk.__version__}-linux-{os.uname().machine}.tar.gz"
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(tarball) as tar:
        tar.extractall(target, filter="tar")
    folder = target / tarball.name.removesuffix(".tar.gz")
    assert folder.is_dir()
    return Bundle(folder, tarball)


@pytest.fixture
def place(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(working directory, CLERK_HOME): both empty, both outside the checkout."""
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    yield work, home


def test_version(bundle: Bundle, place: tuple[Path, Path]) -> None:
    work, home = place
    assert bundle.ok("clerk-cli", "--version", cwd=work, home=home) == (
        f"{clerk.APP_NAME} {clerk.__version__}\n"
    )


def test_demo_export_and_import_a_meeting_record(bundle: Bundle, place: tuple[Path, Path]) -> None:
    work, home = place
    out = bundle.ok("clerk-cli", "--db", "t.sqlite3", "demo", cwd=work, home=home)
    assert "cyp-scrutiny-board/2021-08-18" in out
    bundle.ok(
        "clerk-cli", "--db", "t.sqlite3", "export", "1", "-o", "m.clerkmeeting", cwd=work, home=home
    )
    record = json.loads((work / "m.clerkmeeting").read_text(encoding="utf-8"))
    assert record["format"] == "clerk-meeting-record"
    assert record["event"]["date"] == "2021-08-18"

    # `clerk import` takes a .clerkmeeting file ...
    out = bundle.ok(
        "clerk-cli", "--db", "u.sqlite3", "import", "m.clerkmeeting", cwd=work, home=home
    )
    assert out.startswith("Imported meeting 1 (cyp-scrutiny-board/2021-08-18)")
    # ... and so does opening one from the file manager (the program given just its path):
    # it is imported into the default database, under CLERK_HOME.
    out = bundle.ok("clerk-cli", str(work / "m.clerkmeeting"), cwd=work, home=home)
    assert out.startswith("Imported meeting 1")
    listing = json.loads(bundle.ok("clerk-cli", "list", "--json", cwd=work, home=home))
    assert [m["date"] for m in listing["committees"][0]["meetings"]] == ["2021-08-18"]
    assert list((home / "data").glob("*.sqlite3"))


def test_minutes_in_word_and_pdf(bundle: Bundle, place: tuple[Path, Path]) -> None:
    work, home = place
    import docx
    from pypdf import PdfReader

    bundle.ok("clerk-cli", "--db", "t.sqlite3", "demo", cwd=work, home=home)
    out = work / "out"
    bundle.ok(
        "clerk-cli",
        "--db",
        "t.sqlite3",
        "minutes",
        "1",
        "--format",
        "docx,pdf",
        "-o",
        str(out),
        cwd=work,
        home=home,
    )
    files = sorted(p for p in work.rglob("*") if p.is_file())  # -o: a folder or a base name
    words = [p for p in files if p.suffix == ".docx"]
    pdfs = [p for p in files if p.suffix == ".pdf"]
    assert words and pdfs, f"expected a Word and a PDF file, got {files}"

    text = " ".join(p.text for p in docx.Document(str(words[0])).paragraphs)
    assert "Corporate Parenting Strategy" in " ".join(text.split())
    reader = PdfReader(pdfs[0])
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Corporate Parenting Strategy" in " ".join(text.split())
    # The fonts come from resources/fonts inside the bundle, embedded in the PDF.
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            if descriptor is None:
                for child in font.get_object().get("/DescendantFonts", []):
                    descriptor = child.get_object().get("/FontDescriptor")
            if descriptor is not None and "/FontFile2" in descriptor.get_object():
                embedded.add(str(font.get_object()["/BaseFont"]))
    assert embedded, "the PDF embeds no TrueType font"


def test_desktop_screenshot(bundle: Bundle, place: tuple[Path, Path]) -> None:
    from PIL import Image

    work, home = place
    bundle.ok("clerk", "--demo", "--screenshot", "shot.png", cwd=work, home=home)
    shot = work / "shot.png"
    assert shot.stat().st_size > 0
    with Image.open(shot) as image:
        assert image.width >= 640 and image.height >= 400
        colours = image.convert("RGB").getcolors(maxcolors=1 << 16)
        assert colours is None or len(colours) > 2, "the screenshot is blank"


def test_bundle_carries_every_runtime_file(bundle: Bundle) -> None:
    internal = bundle.folder / "_internal"
    # The Alembic migrations, as files Alembic loads (clerk.storage.database.MIGRATIONS).
    migrations = ROOT / "clerk" / "storage" / "migrations"
    for source in [migrations / "env.py", *migrations.glob("versions/*.py")]:
        shipped = internal / source.relative_to(ROOT)
        assert shipped.read_bytes() == source.read_bytes(), f"{shipped} missing or different"
    # The whole resources/ tree (fonts, templates, icons, demo, schema), byte for byte.
    for source in (ROOT / "resources").rglob("*"):
        if source.is_file():
            shipped = internal / source.relative_to(ROOT)
            assert shipped.is_file(), f"{source.relative_to(ROOT)} is not in the bundle"
            assert shipped.read_bytes() == source.read_bytes()
    # python-docx's default template and reportlab's standard fonts.
    assert (internal / "docx" / "templates" / "default.docx").is_file()
    assert list((internal / "reportlab" / "fonts").glob("*.afm"))


def clerk_modules() -> set[str]:
    """Every module of the clerk package in the checkout (the migrations ship as files)."""
    package = ROOT / "clerk"
    names = set()
    for path in package.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if "migrations" not in parts:
            names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.parametrize("program", ["clerk", "clerk-cli"])
def test_every_clerk_module_is_frozen(bundle: Bundle, program: str) -> None:
    """Commands and windows imported lazily are in the archive too (collect_submodules)."""
    viewer = [sys.executable, "-m", "PyInstaller.utils.cliutils.archive_viewer", "-r", "-b"]
    listing = subprocess.run(
        [*viewer, str(bundle.folder / program)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    frozen = {line.strip() for line in listing.splitlines()}
    missing = sorted(clerk_modules() - frozen)
    assert not missing, f"modules missing from the frozen {program}: {missing}"
    # The tests' and bench's support package stays out (installers/clerk.spec excludes it).
    support = sorted(name for name in frozen if name.split(".")[0] == "clerk_support")
    assert not support, f"test support frozen into {program}: {support}"


def test_only_the_qt_that_clerk_uses(bundle: Bundle) -> None:
    internal = bundle.folder / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for module in ("QtCore", "QtGui", "QtWidgets"):
        assert f"{module}.abi3.so" in names
    unwanted = ("Network", "Qml", "Quick", "WebEngine", "3D", "Multimedia", "Pdf", "Designer")
    leaked = sorted(
        n for n in names if n.startswith(("Qt", "libQt6")) and any(u in n for u in unwanted)
    )
    assert not leaked, f"unused Qt modules in the bundle: {leaked}"
    assert "numpy" not in names
    size = sum(
        p.stat().st_size for p in bundle.folder.rglob("*") if p.is_file() and not p.is_symlink()
    )
    assert size < SIZE_BUDGET, f"the unpacked bundle is {size / 2**20:.0f} MB"


def test_install_sh_installs_and_uninstalls(bundle: Bundle, tmp_path: Path) -> None:
    prefix = tmp_path / "prefix"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    script = bundle.folder / "install.sh"
    subprocess.run([str(script), "--prefix", str(prefix)], env=env, check=True, capture_output=True)
    entry = (prefix / "share" / "applications" / "clerk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle.folder}/clerk" %f' in entry
    assert (prefix / "share" / "icons" / "hicolor" / "16x16" / "apps" / "clerk.png").is_file()
    assert (prefix / "share" / "icons" / "hicolor" / "scalable" / "apps" / "clerk.svg").is_file()
    assert (prefix / "share" / "mime" / "packages" / "clerk-meeting.xml").is_file()
    # The command on PATH is a link to the bundle, and runs from there.
    version = subprocess.run(
        [str(prefix / "bin" / "clerk-cli"), "--version"],
        env={**env, "CLERK_HOME": str(tmp_path / "home")},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == f"Clerk {clerk.__version__}"

    subprocess.run(
        [str(script), "--uninstall", "--prefix", str(prefix)],
        env=env,
        check=True,
        capture_output=True,
    )
    left = [p for p in prefix.rglob("*") if p.is_file() or p.is_symlink()]
    assert not [p for p in left if "clerk" in p.name], left


@pytest.mark.parametrize("db_url", ["postgres"], indirect=True)
def test_shared_postgres_database(bundle: Bundle, place: tuple[Path, Path], db_url: str) -> None:
    """The bundle carries the PostgreSQL driver for a team's shared database."""
    work, home = place
    bundle.ok("clerk-cli", "--db", db_url, "demo", cwd=work, home=home)
    listing = json.loads(
        bundle.ok("clerk-cli", "--db", db_url, "list", "--json", cwd=work, home=home)
    )
    assert len(listing["committees"][0]["meetings"]) == 2
