"""The migrations' revisions read from their lines are what their syntax trees say; a value
the lines cannot give (over several lines, say) is read from the tree."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from clerk.storage.backup import _stamp_time
from clerk.storage.migration import MIGRATIONS, _module_constants, _syntax_constants

NAMES = ("revision", "down_revision")


def test_every_migration_reads_the_same_from_its_lines() -> None:
    paths = sorted((MIGRATIONS / "versions").glob("*.py"))
    assert len(paths) >= 10
    for path in paths:
        tree = {k: v for k, v in _syntax_constants(path.read_text("utf-8")) if k in NAMES}
        assert dict(_module_constants(path)) == tree


def test_a_value_over_several_lines_is_read_from_the_tree(tmp_path: Path) -> None:
    path = tmp_path / "0099_merge.py"
    path.write_text(
        '"""Merge.\n\nrevision = "not this one"\n"""\n\n'
        'revision: str = "0099_merge"\n'
        "down_revision: tuple[str, str] = (\n"
        '    "0020_a",\n'
        '    "0020_b",\n'
        ")\n",
        encoding="utf-8",
    )
    found = {k: v for k, v in _module_constants(path) if k in NAMES}
    assert found == {"revision": "0099_merge", "down_revision": ("0020_a", "0020_b")}


@pytest.mark.parametrize(
    "stamp",
    ["20210818-093000", "20240229-235959", "20230229-120000", "20211318-000000", "20210818-246000"],
)
def test_a_backup_stamp_reads_as_strptime_reads_it(stamp: str) -> None:
    try:
        expected: datetime | None = datetime.strptime(stamp, "%Y%m%d-%H%M%S")
    except ValueError:
        expected = None
    try:
        found: datetime | None = _stamp_time(stamp)
    except ValueError:
        found = None
    assert found == expected
