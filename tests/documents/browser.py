"""axe-core, the accessibility engine, run on a page in headless Chromium.

Chromium comes from Debian's ``chromium`` package and axe-core from the npm registry; both are
installed by ``scripts/install`` (axe-core into ``.venv/axe``). A copy of the page gets two
script tags at the end of its body, axe runs with the WCAG 2.2 A and AA rules and the best
practices, and the results come back in the dumped DOM. Where either is missing the tests
skip, except when ``CLERK_REQUIRE_BROWSER`` is set (CI), where they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

RUNNER = """<script src="axe.min.js"></script><script>
axe.run(document, {runOnly: {type: "tag", values: %s}}).then(function (r) {
  function brief(list) { return list.map(function (v) { return {id: v.id, impact: v.impact,
    help: v.help, nodes: v.nodes.map(function (n) { return n.target.join(" "); })}; }); }
  var pre = document.createElement("pre");
  pre.id = "axe-results";
  pre.textContent = JSON.stringify({violations: brief(r.violations),
    incomplete: brief(r.incomplete), passes: r.passes.map(function (v) { return v.id; })});
  document.body.appendChild(pre);
});
</script>"""


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def axe_script() -> Path | None:
    path = Path(os.environ.get("CLERK_AXE", AXE))
    return path if path.is_file() else None


def require_browser() -> tuple[str, Path]:
    """Chromium and axe-core, or skip (fail in CI) saying which is missing."""
    browser, axe = chromium(), axe_script()
    if browser is None or axe is None:
        missing = "Chromium" if browser is None else "axe-core"
        reason = f"{missing} is not installed (scripts/install installs it)"
        if os.environ.get("CLERK_REQUIRE_BROWSER"):
            pytest.fail(f"CLERK_REQUIRE_BROWSER is set but {reason}")
        pytest.skip(reason)
    return browser, axe


def run_axe(page: bytes, folder: Path) -> dict[str, list]:  # type: ignore[type-arg]
    """axe-core's findings on ``page`` (an HTML document): violations, incomplete, passes."""
    browser, axe = require_browser()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(axe, folder / "axe.min.js")
    html = page.decode("utf-8")
    assert html.count("</body>") == 1
    runner = RUNNER % json.dumps(TAGS)
    (folder / "page.html").write_text(html.replace("</body>", runner + "</body>"), "utf-8")
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={folder / 'profile'}",
        "--virtual-time-budget=30000",
        "--dump-dom",
        (folder / "page.html").as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180)
    found = re.search(r'<pre id="axe-results">(.*?)</pre>', result.stdout, re.S)
    assert found, f"axe did not report: {result.stderr[-2000:]}"
    text = found.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">")
    results: dict[str, list] = json.loads(text.replace("&amp;", "&"))  # type: ignore[type-arg]
    return results
