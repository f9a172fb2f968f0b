"""Start-up: process start until the main window is shown (offscreen), against a bare PySide6
window in a fresh process.

"Shown" is when the window's screenshot file appears: ``clerk --screenshot FILE`` grabs the
window once it is shown and painted, then exits; the bare window does the same. Both are
started alternately, the same number of times, each in a fresh process.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import Outcome, Row, python_env
from clerk.services.demo import load_demo
from clerk.storage.database import open_database


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_to_screenshot(args: list[str], shot: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from starting ``python ARGS`` until ``shot`` exists, and the CPU seconds the
    whole process used (user + system: what a busy machine does not inflate)."""
    shot.unlink(missing_ok=True)
    cpu_before = _cpu_of_children()
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    while not shot.exists():
        if process.poll() is not None and not shot.exists():
            error = process.stderr.read().decode() if process.stderr else ""
            raise RuntimeError(f"python {' '.join(args)} exited without a window:\n{error}")
        time.sleep(0.002)
    elapsed = time.perf_counter() - started
    _, err = process.communicate(timeout=120)
    if process.returncode != 0:
        raise RuntimeError(f"python {' '.join(args)} failed:\n{err.decode()[-2000:]}")
    return elapsed, _cpu_of_children() - cpu_before


def run(workdir: Path, runs: int) -> Outcome:
    workdir.mkdir(parents=True, exist_ok=True)
    home = workdir / "home"
    env = python_env(CLERK_HOME=str(home))
    database_path = workdir / "startup.sqlite3"
    for stale in workdir.glob("startup.sqlite3*"):
        stale.unlink()
    database = open_database(str(database_path))
    load_demo(database)
    database.dispose()
    shot = workdir / "startup.png"
    clerk_args = ["-m", "clerk", "--db", str(database_path), "--screenshot", str(shot)]
    # `clerk --demo` as a clerk starts it (its window, not the staged screenshot scene): the
    # window makes the marker file once it is shown, then quits.
    demo_args = ["-m", "clerk", "--demo"]
    demo_env = dict(env, CLERK_QUIT_WHEN_SHOWN=str(shot))
    bare_args = ["-m", "bench.bare_window", str(shot)]
    # One of each first: the disk cache then holds the libraries for every run.
    for args, run_env in ((bare_args, env), (clerk_args, env), (demo_args, demo_env)):
        time_to_screenshot(args, shot, run_env)
    bare: list[tuple[float, float]] = []
    clerk: list[tuple[float, float]] = []
    demo: list[tuple[float, float]] = []
    for _ in range(runs):
        bare.append(time_to_screenshot(bare_args, shot, env))
        clerk.append(time_to_screenshot(clerk_args, shot, env))
        demo.append(time_to_screenshot(demo_args, shot, demo_env))
    outcome = Outcome()
    bare_wall, bare_cpu = [w for w, _ in bare], [c for _, c in bare]
    clerk_wall, clerk_cpu = [w for w, _ in clerk], [c for _, c in clerk]
    outcome.rows.append(Row("startup: bare PySide6 window", "s", bare_wall))
    main = Row("startup: clerk --db FILE (main window)", "s", clerk_wall, bare_wall)
    main.target = "ratio <= 2.5"
    outcome.rows.append(main)
    outcome.rows.append(
        Row("startup: clerk --demo (a fresh copy of the demo)", "s", [w for w, _ in demo])
    )
    outcome.rows[-1].target = "< 1.5 s"
    outcome.rows.append(Row("startup: CPU, bare window (whole process)", "s", bare_cpu))
    outcome.rows.append(
        Row("startup: CPU, clerk --db FILE (whole process)", "s", clerk_cpu, bare_cpu)
    )
    outcome.figures["startup_ratio"] = main.ratio
    outcome.figures["startup_demo_s"] = outcome.rows[2].median
    outcome.figures["startup_cpu_ratio"] = Row("", "s", clerk_cpu, bare_cpu).ratio
    outcome.details["startup"] = {
        "measured_until": "the --screenshot PNG exists (window shown and painted)",
        "clerk_command": "clerk --db <the demo database> --screenshot FILE",
        "runs": runs,
        "cpu_ratio": Row("", "s", clerk_cpu, bare_cpu).ratio,
    }
    return outcome
