"""``python -m bench``: every benchmark, several runs each; a table and ``bench/results.json``."""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import agenda_pack, documents, recording, scale, search, startup, window
from bench.harness import CACHE, KEYS, ROOT, Outcome, table, write_results

BENCHMARKS = ("recording", "documents", "agenda", "startup", "scale", "search", "window")


def cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
    except OSError:
        return platform.processor() or "unknown"
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        # Other work on the machine at the start: the ratios are measured against it.
        "load_average_1min": round(os.getloadavg()[0], 2),
    }


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="tiny sizes and one run each: checks it all works"
    )
    parser.add_argument(
        "--only", metavar="NAMES", help=f"comma-separated, from: {', '.join(BENCHMARKS)}"
    )
    parser.add_argument("--runs", type=int, metavar="N", help="runs of each measurement")
    parser.add_argument(
        "--cache", metavar="DIR", default=str(CACHE), help="work files and the cached archive"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="results file (default: bench/results.json; with --quick, in the cache folder)",
    )
    args = parser.parse_args(argv)
    names = BENCHMARKS if not args.only else tuple(n.strip() for n in args.only.split(","))
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    args.names = names
    return args


def run_one(name: str, args: argparse.Namespace, cache: Path) -> Outcome:
    quick = bool(args.quick)
    runs = args.runs or (1 if quick else 0)
    work = cache / "work"
    if name == "recording":
        return recording.run(work, cycles=20 if quick else 100 * (runs or 3))
    if name == "documents":
        return documents.run(work, documents.QUICK if quick else documents.SIZE, runs or 5)
    if name == "agenda":
        return agenda_pack.run(work, runs or 5, quick=quick)
    if name == "startup":
        return startup.run(work, runs or 7)
    if name == "window":
        return window.run(work, cycles=6 if quick else 30)
    if name == "search":
        return search.run(cache, scale.QUICK if quick else scale.FULL, runs or 5)
    return scale.run(cache, scale.QUICK if quick else scale.FULL, runs or 5)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cache = Path(args.cache).resolve()
    if args.output:
        output = Path(args.output)
    else:
        output = cache / "results-quick.json" if args.quick else ROOT / "bench" / "results.json"
    about = machine()
    print(
        f"Clerk benchmarks on {about['cpu']} ({about['cores']} cores), {about['when']}, "
        f"load average {about['load_average_1min']}"
    )
    rows = []
    figures: dict[str, float | None] = {}
    details: dict[str, Any] = {"machine": about, "quick": bool(args.quick)}
    for name in args.names:
        print(f"-- {name}", file=sys.stderr, flush=True)
        outcome = run_one(name, args, cache)
        rows += outcome.rows
        figures.update(outcome.figures)
        details.update(outcome.details)
    print(table(rows))
    if output.exists() and len(args.names) < len(BENCHMARKS):
        # A partial run keeps the other figures of the last full run.
        previous = json.loads(output.read_text(encoding="utf-8"))
        figures = {k: previous.get(k) for k in KEYS} | figures
        details = previous.get("details", {}) | details
    write_results(output, figures, details)
    print(f"wrote {output}")
    return 0
