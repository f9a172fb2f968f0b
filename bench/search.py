"""Search on the 6,000-meeting archive: the first 50 results of typical searches, and the
index's share of the database.

Each query runs in a fresh process (``bench.search_probe``) through
``clerk.services.search.search`` (parse, filters, the FTS5 query with its joins, snippets,
the results as the window shows them), timed from the call to its return; the baseline is
the bare FTS5 match of the same words through ``sqlite3`` (row ids only, no joins, no
snippets). The index's size is read from SQLite's ``dbstat``: ``search_entries`` and its
index, and the FTS5 table's shadow tables, against everything else in the file.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bench.harness import Outcome, Row, python_env, run_python
from bench.scale import archive, warm
from clerk_support.synthetic import ArchiveSize

#: Typical searches: a common word, a rarer one, a phrase, a filtered one, a malformed one.
QUERIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("budget", ()),
    ("kingsmere", ()),
    ('"action plan"', ()),
    ("report", ("--committee", "*")),
    ('"housing strategy', ()),
    ("budget", ("--confidential",)),
    ("report", ()),  # in half of all entries: the worst case, ranked in full
)


def index_share(path: Path) -> dict[str, float]:
    """The index's bytes, the rest's bytes, and the index as a share of the rest."""
    conn = sqlite3.connect(path)
    try:
        sizes = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
    finally:
        conn.close()
    index = sum(
        size
        for name, size in sizes.items()
        if name.startswith(("search_fts", "search_entries", "ix_search_entries"))
    )
    rest = sum(sizes.values()) - index
    return {"index_mb": index / 2**20, "rest_mb": rest / 2**20, "share": index / rest}


def busiest_slug(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute(
            "SELECT c.slug FROM search_entries e JOIN meetings m ON m.id = e.meeting_id "
            "JOIN committees c ON c.id = m.committee_id GROUP BY c.slug "
            "ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    return str(row[0])


def probe(
    path: Path, mode: str, query: str, options: tuple[str, ...], env: dict[str, str]
) -> dict[str, float]:
    out = run_python(["-m", "bench.search_probe", str(path), mode, query, *options], env)
    result: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return result


def run(cache: Path, size: ArchiveSize, runs: int) -> Outcome:
    path, facts = archive(cache, size)
    env = python_env(CLERK_HOME=str(cache / "home"))
    warm(path)
    slug = busiest_slug(path)
    clerk: list[float] = []
    clerk_cpu: list[float] = []
    bare: list[float] = []
    per_query: dict[str, dict[str, float]] = {}
    for query, options in QUERIES:
        options = tuple(slug if o == "*" else o for o in options)
        samples = []
        cpu = []
        found = 0.0
        for _ in range(runs):
            measured = probe(path, "clerk", query, options, env)
            samples.append(measured["ms"])
            cpu.append(measured["cpu_ms"])
            found = measured["results"]
            bare.append(probe(path, "bare", query, options, env)["ms"])
        clerk += samples
        clerk_cpu += cpu
        median = sorted(samples)[len(samples) // 2]
        per_query[" ".join([query, *options])] = {
            "median_ms": median,
            "median_cpu_ms": sorted(cpu)[len(cpu) // 2],
            "results": found,
        }
    share = index_share(path)
    outcome = Outcome()
    first50 = Row("search: the first 50 results", "ms", clerk, bare, target="< 100 ms")
    outcome.rows.append(first50)
    outcome.figures["search_first50_ms"] = first50.median
    outcome.figures["search_first50_cpu_ms"] = sorted(clerk_cpu)[len(clerk_cpu) // 2]
    outcome.figures["search_worst_ms"] = max(q["median_ms"] for q in per_query.values())
    outcome.figures["search_index_share"] = share["share"]
    outcome.details["search"] = {
        "queries": per_query,
        "index_mb": round(share["index_mb"], 1),
        "rest_mb": round(share["rest_mb"], 1),
        "meetings": facts.get("meetings"),
        "runs": runs,
        "timed": "clerk.services.search.search in a fresh process, database already open",
    }
    return outcome
