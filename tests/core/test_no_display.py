"""With no display, `clerk` says in one sentence how to run it, before Qt is loaded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from clerk.cli.display import how_to_run, no_display_reason
from tests.conftest import ROOT

linux_only = pytest.mark.skipif(
    sys.platform in ("win32", "darwin"), reason="only X11 and Wayland systems ask for a display"
)


@linux_only
def test_no_display_variables_means_no_display() -> None:
    assert no_display_reason({}) == "there is no display here (DISPLAY is not set)"
    assert no_display_reason({"QT_QPA_PLATFORM": "xcb"}) is not None


@linux_only
def test_a_display_nobody_answers_on_is_named(tmp_path: Path) -> None:
    assert no_display_reason({"DISPLAY": ":4711"}) == "no display answers at DISPLAY=:4711"
    env = {"WAYLAND_DISPLAY": "wayland-9", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert no_display_reason(env) == "no display answers at WAYLAND_DISPLAY=wayland-9"


def test_a_platform_that_needs_no_display_is_let_through() -> None:
    for platform in ("offscreen", "minimal", "vnc:size=1366x768", "eglfs"):
        assert no_display_reason({"QT_QPA_PLATFORM": platform}) is None


def test_a_display_on_another_host_is_left_to_qt() -> None:
    assert no_display_reason({"DISPLAY": "terminal.example.org:0"}) is None


def test_the_sentence_gives_both_ways_with_the_clerks_own_options() -> None:
    sentence = how_to_run("there is no display here (DISPLAY is not set)", ["--db", "a b.db"])
    assert sentence == (
        "Clerk's window needs a display and there is no display here (DISPLAY is not set): "
        "`clerk --db 'a b.db' --screenshot clerk-window.png` draws the window offscreen into a "
        "picture, or `xvfb-run -a clerk --db 'a b.db'` runs it on a virtual display "
        "(package xvfb)."
    )


def clerk_without_display(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    env["PYTHONPATH"] = str(ROOT)
    # -X importtime on stderr would mix with the message: ask Python which modules loaded.
    code = (
        "import sys\n"
        "from clerk.cli.main import main\n"
        "status = main(sys.argv[1:])\n"
        "print('PySide6 loaded' if 'PySide6' in sys.modules else 'no Qt', file=sys.stdout)\n"
        "raise SystemExit(status)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@linux_only
def test_clerk_with_no_display_says_how_to_run_and_loads_no_qt(tmp_path: Path) -> None:
    result = clerk_without_display("--demo")
    assert result.returncode == 1
    assert result.stderr == (
        "clerk: error: Clerk's window needs a display and there is no display here (DISPLAY "
        "is not set): `clerk --demo --screenshot clerk-window.png` draws the window offscreen "
        "into a picture, or `xvfb-run -a clerk --demo` runs it on a virtual display (package "
        "xvfb).\n"
    )
    assert result.stdout.strip() == "no Qt"


@linux_only
def test_following_the_advice_draws_the_window(tmp_path: Path) -> None:
    picture = tmp_path / "clerk-window.png"
    result = clerk_without_display("--demo", "--screenshot", str(picture))
    assert result.returncode == 0, result.stderr
    assert picture.read_bytes().startswith(b"\x89PNG")


@linux_only
@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb is not installed")
def test_a_virtual_display_counts_as_a_display() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [
            "xvfb-run",
            "-a",
            sys.executable,
            "-c",
            "from clerk.cli.display import no_display_reason as r; print(r({'DISPLAY': "
            "__import__('os').environ['DISPLAY']}))",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "None", result.stderr
