"""The per-system packaging files agree with each other and with the code.

The Windows and macOS installers cannot be built here; these checks keep their settings honest:
the same file extension, MIME type, icon files and program names everywhere.
"""

from __future__ import annotations

import configparser
import os
import plistlib
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

import clerk
from tests.installers.helpers import INSTALLERS, ROOT, load

entry = load("clerk_entry.py")
MIME = "application/x-clerk-meeting"
EXTENSION = entry.RECORD_SUFFIX  # ".clerkmeeting"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(INSTALLERS / "linux" / "clerk.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry() -> None:
    section = desktop_entry()
    assert section["Type"] == "Application"
    assert section["Name"] == clerk.APP_NAME
    assert section["Exec"] == "clerk %f"  # install.sh makes the path absolute
    assert section["Icon"] == "clerk"
    assert section["Terminal"] == "false"
    assert MIME in section["MimeType"].split(";")


def test_desktop_entry_validates() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        if os.environ.get("CI"):
            pytest.fail("desktop-file-validate is missing (scripts/install installs it)")
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run(
        [validator, str(INSTALLERS / "linux" / "clerk.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_mime_type_for_meeting_records() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    root = ET.parse(INSTALLERS / "linux" / "clerk-meeting.xml").getroot()
    mime = root.find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == MIME
    globs = [g.get("pattern") for g in mime.findall("m:glob", ns)]
    assert globs == [f"*{EXTENSION}"]


def test_install_script_installs_every_icon_size() -> None:
    script = (INSTALLERS / "linux" / "install.sh").read_text(encoding="utf-8")
    sizes_line = next(line for line in script.splitlines() if line.startswith("sizes="))
    sizes = [int(n) for n in sizes_line.split('"')[1].split()]
    for size in sizes:
        assert (ROOT / "resources" / "icons" / f"clerk-{size}.png").is_file()
    assert os.access(INSTALLERS / "linux" / "install.sh", os.X_OK)
    assert os.access(INSTALLERS / "linux" / "build", os.X_OK)
    assert os.access(INSTALLERS / "macos" / "build", os.X_OK)


def test_macos_info_plist() -> None:
    module = load("macos/info_plist.py")
    values = module.info_plist(clerk.APP_NAME, clerk.__version__, "org.clerk-minutes.clerk")
    plistlib.loads(plistlib.dumps(values))  # a valid property list
    assert values["CFBundleShortVersionString"] == clerk.__version__
    (declared,) = values["UTExportedTypeDeclarations"]
    tags = declared["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [EXTENSION.lstrip(".")]
    assert tags["public.mime-type"] == [MIME]
    (document,) = values["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [declared["UTTypeIdentifier"]]
    spec = (INSTALLERS / "clerk.spec").read_text(encoding="utf-8")
    assert 'BUNDLE_ID = "org.clerk-minutes.clerk"' in spec
    assert (ROOT / "resources" / "icons" / declared["UTTypeIconFile"]).is_file()


def test_windows_installer_script() -> None:
    iss = (INSTALLERS / "windows" / "clerk.iss").read_text(encoding="utf-8")
    defines = dict(
        line.removeprefix("#define ").split(" ", 1)
        for line in iss.splitlines()
        if line.startswith("#define ")
    )
    assert defines["RecordExt"] == f'"{EXTENSION}"'
    assert defines["AppExe"] == '"clerk.exe"'
    assert defines["Bundle"] == '"..\\dist\\Clerk"'  # the spec's COLLECT name
    assert "COLLECT(" in (INSTALLERS / "clerk.spec").read_text(encoding="utf-8")
    assert "SetupIconFile=..\\..\\resources\\icons\\clerk.ico" in iss
    assert (ROOT / "resources" / "icons" / "clerk.ico").is_file()
    assert "[Icons]" in iss and "{group}" in iss  # Start-menu shortcut
    assert '""{app}\\{#AppExe}"" ""%1""' in iss  # the file type opens with clerk.exe FILE
    assert f'ValueData: "{MIME}"' in iss
    build = (INSTALLERS / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "/DAppVersion=$version" in build
