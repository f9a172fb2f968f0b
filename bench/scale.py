"""Scale: a council's archive of 30 committees x 20 years x 10 meetings, generated once and
cached in ``bench/.cache``; fresh processes open it, list a committee's meetings and build
that committee's action tracker across all years.

The baseline is the same two reads as plain SQL through ``sqlite3`` in a fresh process.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from bench.harness import Outcome, Row, python_env, run_python
from clerk.storage.database import open_database
from clerk_support import synthetic
from clerk_support.synthetic import ArchiveSize, MeetingShape, generate_archive

#: The issue's archive. Every vote is a recorded (named) vote, one row per member voting,
#: which no real council does (named votes are rare outside budget meetings): so that the
#: attendance and vote rows come to the issue's "about 400,000", a heavier archive than life.
FULL = ArchiveSize(
    committees=30, years=20, meetings_per_year=10, shape=MeetingShape(recorded_votes=1.0)
)
QUICK = replace(FULL, committees=2, years=2)
SEED = 1


def fingerprint(size: ArchiveSize) -> str:
    """Changes with the size and with the code that makes the archive (the generator and the
    domain whose actions it records), so a stale cached archive is rebuilt."""
    digest = hashlib.sha256(repr((size, SEED)).encode())
    root = Path(synthetic.__file__).parents[2]
    for folder in (root / "clerk_support" / "synthetic", root / "clerk" / "domain"):
        for path in sorted(folder.rglob("*.py")):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def archive(cache: Path, size: ArchiveSize) -> tuple[Path, dict[str, Any]]:
    """The cached archive of this size (generated when missing) and its summary."""
    cache.mkdir(parents=True, exist_ok=True)
    stem = f"archive-{size.committees}x{size.years}x{size.meetings_per_year}"
    path = cache / f"{stem}-seed{SEED}-{fingerprint(size)}.sqlite3"
    about = path.with_suffix(".json")
    if not path.exists() or not about.exists():
        for stale in cache.glob(f"{stem}-*"):
            stale.unlink()
        building = path.with_name(path.name + ".building")
        print(f"generating {path.name} (once; cached for later runs)...", file=sys.stderr)
        database = open_database(str(building))
        summary = generate_archive(database, size, seed=SEED)
        database.dispose()
        os.replace(building, path)
        facts = summary.as_dict()
        facts["megabytes"] = round(path.stat().st_size / 2**20, 1)
        about.write_text(json.dumps(facts, indent=2) + "\n", encoding="utf-8")
    # Migrate now (a newer schema), so no probe pays for it.
    open_database(str(path)).dispose()
    facts = json.loads(about.read_text(encoding="utf-8"))
    return path, facts


def busiest_committee(path: Path) -> str:
    """The committee with the most actions: its tracker is the biggest."""
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT c.slug FROM actions a JOIN meetings m ON m.id = a.meeting_id "
            "JOIN committees c ON c.id = m.committee_id GROUP BY c.slug "
            "ORDER BY count(*) DESC, c.slug LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return str(row[0])


def warm(path: Path) -> None:
    """Read the file once, so every probe finds it in the OS cache alike."""
    with path.open("rb") as handle:
        while handle.read(1 << 24):
            pass


def probe(path: Path, slug: str, mode: str, env: dict[str, str]) -> dict[str, float]:
    out = run_python(["-m", "bench.scale_probe", str(path), slug, mode], env)
    figures: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return figures


def run(cache: Path, size: ArchiveSize, runs: int) -> Outcome:
    path, facts = archive(cache, size)
    slug = busiest_committee(path)
    env = python_env(CLERK_HOME=str(cache / "home"))
    warm(path)
    clerk: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    for _ in range(runs):
        clerk.append(probe(path, slug, "clerk", env))
        bare.append(probe(path, slug, "bare", env))

    def column(samples: list[dict[str, float]], key: str) -> list[float]:
        return [s[key] for s in samples]

    outcome = Outcome()
    open_list = Row(
        "scale: open + list one committee's meetings",
        "s",
        column(clerk, "open_list_s"),
        column(bare, "open_list_s"),
        target="< 0.5 s",
    )
    tracker = Row(
        "scale: one committee's action tracker, all years",
        "s",
        column(clerk, "tracker_s"),
        column(bare, "tracker_s"),
        target="< 1 s",
    )
    rss = Row(
        "scale: peak resident memory",
        "MB",
        column(clerk, "peak_rss_mb"),
        column(bare, "peak_rss_mb"),
        target="< 300 MB",
    )
    outcome.rows += [open_list, tracker, rss]
    outcome.figures["scale_open_list_s"] = open_list.median
    outcome.figures["scale_tracker_s"] = tracker.median
    outcome.figures["scale_peak_rss_mb"] = rss.median
    outcome.details["scale"] = {
        "archive": {
            "committees": size.committees,
            "years": size.years,
            "meetings_per_year": size.meetings_per_year,
            **facts,
        },
        "committee": slug,
        "meetings_listed": clerk[0]["meetings"],
        "tracker_actions": clerk[0]["actions"],
        "runs": runs,
        "timed_from": "after imports, before open_database (fresh process, warm OS cache)",
    }
    return outcome
