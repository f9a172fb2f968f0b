"""One search in a fresh process: ``python -m bench.search_probe DB MODE QUERY [OPTIONS]``.

MODE ``clerk``: open the database through Clerk (untimed), then time one
``clerk.services.search.search`` of the first 50 results. MODE ``bare``: the FTS5 match of
the same words through ``sqlite3`` (row ids, best 50). Prints the wall-clock and CPU
milliseconds (the CPU time is what a busy machine does not inflate) and the results found.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import time


def bare(path: str, query: str) -> tuple[float, float, int]:
    from clerk.domain.search import parse_query
    from clerk.storage.search_query import fts5_expression

    conn = sqlite3.connect(path)
    match = fts5_expression(parse_query(query))
    started, cpu = time.perf_counter(), time.process_time()
    rows = conn.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 50", (match,)
    ).fetchall()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    conn.close()
    return elapsed, cpu, len(rows)


def clerk(path: str, query: str, options: list[str]) -> tuple[float, float, int]:
    from clerk.domain.search import SearchFilters
    from clerk.services.search import search
    from clerk.storage.database import open_database

    committee = options[options.index("--committee") + 1] if "--committee" in options else None
    filters = SearchFilters(committee=committee, include_confidential="--confidential" in options)
    database = open_database(path)
    started, cpu = time.perf_counter(), time.process_time()
    outcome = search(database, query, filters, limit=50)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    database.dispose()
    return elapsed, cpu, len(outcome.results)


def main(argv: list[str]) -> int:
    path, mode, query, *options = argv[1:]
    seconds, cpu, found = clerk(path, query, options) if mode == "clerk" else bare(path, query)
    print(json.dumps({"ms": seconds * 1000, "cpu_ms": cpu * 1000, "results": found}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
