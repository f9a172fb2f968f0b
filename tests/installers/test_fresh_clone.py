"""A fresh clone, a clean virtual environment, only the README's two commands.

The checkout's committed state is cloned into an empty folder and set up by the README's
commands alone, with a plain PATH (the system Python, no virtual environment active) and no
display: `scripts/run-demo` must install Clerk into the clone's `.venv` and, with no display,
draw the demo window into a picture and say where; `scripts/test` (given a small selection of
tests, so this test does not run the whole suite again inside itself) must install, lint,
type-check, check the layers and pass. Run as root, the commands run as an ordinary user
(`nobody`), so both ways are proved: CI runs the README's test command as root itself.

Slow (a few minutes: the install downloads and builds); it runs in CI (`.ci/run`).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow

PLAIN_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
CERTIFICATES = ("NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def clone() -> Iterator[tuple[Path, dict[str, str], list[str]]]:
    """The clone, the environment a new user has, and how to run a command as them."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout")
    base = Path(tempfile.mkdtemp(prefix="clerk-fresh-"))
    base.chmod(0o755)
    target = base / "clerk"
    subprocess.run(["git", "clone", "-q", "--no-local", str(ROOT), str(target)], check=True)
    home = base / "home"
    home.mkdir()
    own_pip = Path.home() / ".config" / "pip" / "pip.conf"
    if own_pip.is_file():  # this machine's package index, for the new user too
        (home / ".config" / "pip").mkdir(parents=True)
        shutil.copy(own_pip, home / ".config" / "pip" / "pip.conf")
    run_as: list[str] = []
    if os.geteuid() == 0 and shutil.which("runuser"):
        user = pwd.getpwnam("nobody")
        for path in [base, *base.rglob("*")]:
            os.lchown(path, user.pw_uid, user.pw_gid)
        run_as = ["runuser", "-u", "nobody", "--"]
    port = free_port()
    env = {
        "PATH": PLAIN_PATH,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "CLERK_HOME": str(home / "clerk"),
        "CLERK_PG_PORT": str(port),
        "CLERK_PG_DIR": str(base / f"pg-{port}"),
        "CLERK_DEMO_PICTURE": str(base / "demo.png"),
        **{k: v for k, v in os.environ.items() if k.startswith(("PIP_", "http_", "https_"))},
        **{k: v for k, v in os.environ.items() if k in ("HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY")},
        # this machine's certificate authorities, for pip and npm as the new user
        **{k: v for k, v in os.environ.items() if k in CERTIFICATES},
    }
    try:
        yield target, env, run_as
    finally:
        subprocess.run(
            [*run_as, "env", *[f"{k}={v}" for k, v in env.items()], "scripts/postgres", "stop"],
            cwd=target,
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)


def run(
    clone: tuple[Path, dict[str, str], list[str]], *command: str
) -> subprocess.CompletedProcess[str]:
    target, env, run_as = clone
    return subprocess.run(
        [*run_as, "env", "-i", *[f"{k}={v}" for k, v in env.items()], *command],
        cwd=target,
        capture_output=True,
        text=True,
        timeout=1800,
    )


def test_scripts_run_demo_installs_and_with_no_display_draws_the_window(
    clone: tuple[Path, dict[str, str], list[str]],
) -> None:
    target, env, _ = clone
    result = run(clone, "scripts/run-demo")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    picture = Path(env["CLERK_DEMO_PICTURE"])
    assert (
        result.stdout.strip()
        .splitlines()[-1]
        .startswith("There is no display here, so Clerk drew its window ")
    )
    assert result.stdout.strip().endswith(f" into {picture}")
    assert picture.read_bytes().startswith(b"\x89PNG")
    # A virtual environment of its own, made with the system Python, in the clone.
    assert (target / ".venv" / "pyvenv.cfg").is_file()
    version = run(clone, ".venv/bin/clerk", "--version")
    assert version.returncode == 0 and version.stdout.startswith("Clerk ")


def test_scripts_test_installs_checks_and_passes(
    clone: tuple[Path, dict[str, str], list[str]],
) -> None:
    result = run(clone, "scripts/test", "-q", "-p", "no:cacheprovider", "tests/core/test_cli.py")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-5000:]
    for stage in ("== ruff", "== mypy", "== import-linter", "== pytest"):
        assert stage in result.stdout
    assert " passed" in result.stdout
