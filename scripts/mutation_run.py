"""Run mutmut over one module of [tool.clerk_mutation] and record its score (scripts/mutation).

``python scripts/mutation_run.py run NAME`` mutates the module's files with only its focused
tests (mutmut's own setting holds one test selection for the whole project; this sets it per
module); ``python scripts/mutation_run.py summary`` writes docs/mutation.md's table from the
results kept in docs/mutation.json.
"""

from __future__ import annotations

import json
import sys
import tomllib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "mutation.json"
SUMMARY = ROOT / "docs" / "mutation.md"
BEGIN, END = "<!-- scores: begin (scripts/mutation) -->", "<!-- scores: end -->"


def modules() -> list[dict[str, Any]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found: list[dict[str, Any]] = data["tool"]["clerk_mutation"]["module"]
    return found


def run(name: str, jobs: int) -> None:
    module = next((m for m in modules() if m["name"] == name), None)
    if module is None:
        sys.exit(f"No module {name!r} in [tool.clerk_mutation]: {[m['name'] for m in modules()]}")
    from mutmut.configuration import config

    settings = config()
    settings.only_mutate = list(module["files"])
    settings.pytest_add_cli_args_test_selection = list(module["tests"])
    settings.do_not_mutate_patterns = list(module.get("skip", []))
    skip_whole_statements()
    from mutmut.__main__ import _run

    try:
        _run([], jobs)
    except SystemExit as stop:
        if stop.code not in (0, None):
            raise
    record(module)


def skip_whole_statements() -> None:
    """A ``skip`` pattern leaves out the whole statement its line begins: a ``def`` line, the
    whole function. (mutmut's own ``do_not_mutate_patterns`` spares only the expressions on the
    matching line itself, so ``'^def compose_minutes'`` would skip nothing of its body.) The
    mutants are made in forked workers: the change made here reaches them."""
    from dataclasses import replace

    from mutmut.mutation import file_mutation

    original = file_mutation.get_ignored_lines

    def get_ignored_lines(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        return replace(
            found, ignore_node_lines=found.ignore_node_lines | found.ignore_pattern_lines
        )

    file_mutation.get_ignored_lines = get_ignored_lines


def record(module: dict[str, Any]) -> None:
    from mutmut.stats import status_by_exit_code

    statuses: dict[str, str] = {}
    for path in module["files"]:
        meta = Path("mutants") / (path + ".meta")
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        statuses.update({key: status_by_exit_code[code] for key, code in codes.items()})
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results[module["name"]] = {
        "files": module["files"],
        "tests": module["tests"],
        "run": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "counts": dict(sorted(Counter(statuses.values()).items())),
        "not_killed": {
            key: {"status": status, "diff": diff(key)}
            for key, status in sorted(statuses.items())
            if status not in ("killed", "timeout")
        },
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def diff(mutant: str) -> list[str]:
    """The mutant's change, as the lines removed and added."""
    from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant

    text = get_diff_for_mutant(mutant, path=find_mutant(mutant).path)
    return [
        line
        for line in text.splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def score(counts: dict[str, int]) -> tuple[int, int, int, int]:
    """Killed (timeouts included: the mutant made the tests run away), survived, other, total."""
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    survived = counts.get("survived", 0)
    total = sum(counts.values())
    return killed, survived, total - killed - survived, total


def summary() -> None:
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    lines = [
        BEGIN,
        "| Module | Files | Mutants | Killed | Survived | No tests / other | Score | Run |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for module in modules():
        result = results.get(module["name"])
        files = ", ".join(f"`{f}`" for f in module["files"])
        if result is None:
            lines.append(f"| {module['name']} | {files} | – | – | – | – | not run yet | |")
            continue
        killed, survived, other, total = score(result["counts"])
        percent = f"{100 * killed / total:.1f}%" if total else "–"
        unchecked = result["counts"].get("not checked", 0)
        if unchecked:  # stopped part way: the score of those checked
            checked = total - unchecked
            percent = f"partial: {checked} of {total} checked, {100 * killed / checked:.0f}% killed"
        lines.append(
            f"| {module['name']} | {files} | {total} | {killed} | {survived} | {other} | "
            f"{percent} | {result['run']} |"
        )
    lines.append(END)
    text = SUMMARY.read_text(encoding="utf-8") if SUMMARY.exists() else f"{BEGIN}\n{END}\n"
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    SUMMARY.write_text(head + "\n".join(lines) + tail, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:2] == ["run"]:
        run(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2)
    elif sys.argv[1:2] == ["summary"]:
        summary()
    elif sys.argv[1:2] == ["names"]:
        print(" ".join(m["name"] for m in modules()))
    else:
        sys.exit(__doc__)
