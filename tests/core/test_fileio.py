"""Files out are written atomically, with the permissions an ordinary file would get."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clerk.fileio import WriteError, atomic_write, write_text


def test_a_written_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = write_text(tmp_path / "minutes.json", "{}")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_a_writer_failing_half_way_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "minutes.pdf"
    target.write_text("the signed version")

    def half_then_fail(temp: Path) -> None:
        temp.write_text("half a PDF")
        raise OSError(28, "No space left on device")

    with pytest.raises(WriteError, match=r"the disk is full\. Nothing was written\."):
        atomic_write(target, half_then_fail)
    assert target.read_text() == "the signed version"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["minutes.pdf"]
