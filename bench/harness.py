"""Timing, statistics, the table and results.json: what every benchmark shares."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "bench" / ".cache"

#: The figures results.json always holds (null when a benchmark was skipped).
KEYS = (
    "recording_ratio",
    "recording_p99_ms",
    "documents_ratio",
    "documents_cpu_ratio",
    "documents_cli_s",
    "documents_cli_cpu_s",
    "agenda_pack_s",
    "startup_ratio",
    "startup_cpu_ratio",
    "startup_demo_s",
    "scale_open_list_s",
    "scale_tracker_s",
    "scale_peak_rss_mb",
    "search_first50_ms",
    "search_first50_cpu_ms",
    "search_worst_ms",
    "search_index_share",
    "window_repaint_ms",
    "window_repaint_p95_ms",
    "window_repaint_cpu_ms",
)


@dataclass
class Row:
    """One line of the table: samples of a measurement and, when it has one, of its baseline."""

    name: str
    unit: str
    samples: list[float]
    baseline: list[float] | None = None
    target: str = ""
    skipped: str = ""
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def ratio(self) -> float | None:
        if not self.baseline or not self.samples:
            return None
        return self.median / statistics.median(self.baseline)


@dataclass
class Outcome:
    """What one benchmark reports: its table rows and its figures for results.json."""

    rows: list[Row] = field(default_factory=list)
    figures: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (0 < fraction <= 1)."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def python_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python running this checkout's code, offscreen.

    Bytecode is written and used (``PYTHONDONTWRITEBYTECODE`` dropped), as in an installed
    Clerk: otherwise every fresh process would compile Clerk's modules from source again.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.update(extra)
    return env


def run_python(args: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> str:
    """Run ``python ARGS`` to the end; its stdout, or an error naming what failed."""
    result = subprocess.run(
        [sys.executable, *args], env=env, cwd=cwd, capture_output=True, text=True, timeout=600
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"python {' '.join(args)} failed ({result.returncode}):\n{result.stderr[-2000:]}"
        )
    return result.stdout


def _fmt(value: float) -> str:
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def table(rows: Sequence[Row]) -> str:
    header = ("measurement", "unit", "runs", "median", "min", "max", "baseline", "ratio", "target")
    lines: list[tuple[str, ...]] = [header]
    for row in rows:
        if row.skipped:
            lines.append(
                (row.name, row.unit, "0", "-", "-", "-", "-", "-", f"skipped: {row.skipped}")
            )
            continue
        base = _fmt(statistics.median(row.baseline)) if row.baseline else "-"
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else "-"
        lines.append(
            (
                row.name,
                row.unit,
                str(len(row.samples)),
                _fmt(row.median),
                _fmt(min(row.samples)),
                _fmt(max(row.samples)),
                base,
                ratio,
                row.target,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        cells = [
            c.ljust(w) if i in (0, 1, 8) else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def write_results(path: Path, figures: dict[str, float | None], details: dict[str, Any]) -> None:
    """results.json: every key (null when not measured), rounded, and how it was measured."""
    body: dict[str, Any] = {key: _round(figures.get(key)) for key in KEYS}
    body["details"] = details
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _round(value: float | None) -> float | None:
    if value is None:
        return None
    return float(f"{value:.4g}")
