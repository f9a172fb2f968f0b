"""One fresh process working on the big archive: ``python -m bench.scale_probe DB SLUG MODE``.

MODE ``clerk``: open the database through Clerk, list the committee's meetings, build its
action tracker. MODE ``bare``: the same two reads as plain SQL through ``sqlite3``. Prints the
timings and the process's peak resident memory as JSON. Imports are done before the clock
starts (start-up is measured on its own).
"""

from __future__ import annotations

import json
import resource
import sqlite3
import sys
import time


def peak_rss_mb() -> float:
    """This process's peak resident memory. On Linux, VmHWM: ``ru_maxrss`` would include the
    parent's peak, which a child keeps across fork and exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


LIST_SQL = (
    "SELECT m.* FROM meetings m JOIN committees c ON c.id = m.committee_id "
    "WHERE c.slug = ? ORDER BY m.date"
)
TRACKER_SQL = (
    "SELECT a.*, m.date, i.minute_number FROM actions a "
    "JOIN meetings m ON m.id = a.meeting_id JOIN committees c ON c.id = m.committee_id "
    "JOIN agenda_items i ON i.meeting_id = a.meeting_id AND i.id = a.item_id "
    "WHERE c.slug = ? ORDER BY m.date, i.minute_number, a.id"
)


def bare(path: str, slug: str) -> dict[str, float]:
    started = time.perf_counter()
    conn = sqlite3.connect(path)
    meetings = conn.execute(LIST_SQL, (slug,)).fetchall()
    listed = time.perf_counter()
    actions = conn.execute(TRACKER_SQL, (slug,)).fetchall()
    done = time.perf_counter()
    conn.close()
    return {
        "open_list_s": listed - started,
        "tracker_s": done - listed,
        "meetings": len(meetings),
        "actions": len(actions),
    }


def clerk(path: str, slug: str) -> dict[str, float]:
    from bench.tracker import build_tracker
    from clerk.services import catalogue
    from clerk.storage.database import open_database

    started = time.perf_counter()
    database = open_database(path)
    meetings = catalogue.meetings(database, slug)
    listed = time.perf_counter()
    actions = build_tracker(database, slug)
    done = time.perf_counter()
    database.dispose()
    return {
        "open_list_s": listed - started,
        "tracker_s": done - listed,
        "meetings": len(meetings),
        "actions": actions,
    }


def main(argv: list[str]) -> int:
    path, slug, mode = argv[1:4]
    figures = clerk(path, slug) if mode == "clerk" else bare(path, slug)
    figures["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
