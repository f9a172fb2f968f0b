"""The README's walkthroughs run as written: each shell block that starts from the demo is run
by bash, line for line, in an empty folder, with `clerk` this checkout's command."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"^```sh\n(?P<body>.*?)^```", re.MULTILINE | re.DOTALL)


def walkthroughs() -> list[str]:
    """The README's shell blocks that start by loading the demo into a database of their own."""
    blocks = [m["body"] for m in BLOCK.finditer(README.read_text(encoding="utf-8"))]
    return [b for b in blocks if b.startswith("clerk --db demo.sqlite3 demo\n")]


def test_the_readme_has_the_walkthroughs() -> None:
    found = walkthroughs()
    assert len(found) >= 2
    assert any("--scan signed-scan.pdf" in block for block in found)


@pytest.mark.parametrize("block", walkthroughs(), ids=lambda b: b.splitlines()[1][:40])
def test_a_walkthrough_runs_as_written(tmp_path: Path, block: str) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "clerk"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m clerk "$@"\n')
    shim.chmod(0o755)
    work = tmp_path / "work"
    work.mkdir()
    env = dict(os.environ)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert "error" not in result.stderr.lower(), result.stderr
    if "--scan signed-scan.pdf" in block:
        assert "Stage: signed" in result.stdout
        assert (work / "minute-book.pdf").read_bytes().startswith(b"%PDF-")
    else:
        written = sorted((work / "out").iterdir())
        assert {".docx", ".pdf"} <= {p.suffix for p in written} <= {".docx", ".pdf", ".html"}
        magic = {".pdf": b"%PDF-", ".docx": b"PK", ".html": b"<!DOCTYPE html>"}
        for path in written:
            assert path.read_bytes().startswith(magic[path.suffix]), path
