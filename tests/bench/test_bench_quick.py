"""``python -m bench --quick`` runs every benchmark end to end and writes every figure.

Nothing here asserts a speed: only that each measurement ran and reported a number (or, for
a benchmark whose tool is missing, said so and reported null)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.harness import KEYS, python_env

ROOT = Path(__file__).resolve().parents[2]


def test_quick_run_prints_the_table_and_writes_every_key(tmp_path: Path) -> None:
    output = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--quick", "--cache", str(tmp_path), "-o", str(output)],
        cwd=ROOT,
        env=python_env(CLERK_HOME=str(tmp_path / "home")),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    for heading in ("measurement", "median", "min", "max", "ratio"):
        assert heading in result.stdout
    for name in ("recording:", "documents", "startup:", "scale:"):
        assert name in result.stdout
    results = json.loads(output.read_text())
    assert set(KEYS) <= results.keys()
    for key in KEYS:
        value = results[key]
        if value is None:  # only a benchmark that said why it was skipped
            assert key.startswith("documents") and "skipped" in result.stdout
        else:
            assert isinstance(value, float) and value > 0, key
    assert results["details"]["machine"]["cores"] >= 1
