"""Documents: LibreOffice converting the Word minutes of a 40-item meeting to PDF, against
Clerk producing both the Word and the PDF minutes of that meeting in a running process.

The meeting is a synthetic Full Council meeting: 40 agenda items, recorded (named) votes,
declarations, about 150 minute paragraphs. ``soffice`` runs with its own profile folder (made
on a first, unmeasured run), as a fresh process each time, as a clerk would run it. When
``soffice`` is not installed the row is skipped and its figure is null.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from bench.harness import Outcome, Row, python_env, run_python, timed
from clerk.services.documents import generate_minutes
from clerk.storage import repository as repo
from clerk.storage.database import Database, open_database
from clerk_support.synthetic import ArchiveSize, MeetingShape, generate_archive

#: Two meetings of the Council; the second (minutes of the first confirmed) has 40 items.
SIZE = ArchiveSize(
    committees=1,
    years=1,
    meetings_per_year=2,
    shape=MeetingShape(
        business_items=36, paragraphs=(3, 5), recorded_votes=0.3, declarations=(4, 6), exempt=1.0
    ),
)
#: A smaller meeting for ``--quick``.
QUICK = ArchiveSize(
    committees=1, years=1, meetings_per_year=2, shape=MeetingShape(business_items=6, exempt=1.0)
)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _meeting(workdir: Path, size: ArchiveSize) -> tuple[Database, int, dict[str, int]]:
    path = workdir / "documents.sqlite3"
    for stale in workdir.glob("documents.sqlite3*"):
        stale.unlink()
    database = open_database(str(path))
    generate_archive(database, size, seed=6)
    with database.reading() as conn:
        meeting_id = repo.list_meetings(conn)[-1][0]
        record, _ = repo.load_record(conn, meeting_id)
    facts = {
        "items": len(record.items),
        "paragraphs": len(record.paragraphs),
        "declarations": len(record.declarations),
        "votes": len(record.votes),
        "recorded_votes": sum(1 for v in record.votes.values() if v.choices),
        "attendance": len(record.attendance),
    }
    return database, meeting_id, facts


def _convert(office: str, docx: Path, out: Path, profile: Path) -> tuple[float, float]:
    out.mkdir(parents=True, exist_ok=True)
    (out / docx.with_suffix(".pdf").name).unlink(missing_ok=True)
    command = [
        office,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        str(docx),
    ]
    cpu_before = _cpu_of_children()
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    elapsed = time.perf_counter() - started
    if not (out / docx.with_suffix(".pdf").name).exists():
        raise RuntimeError(f"soffice wrote no PDF for {docx}")
    return elapsed, _cpu_of_children() - cpu_before


def _cpu_of_children() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed_cpu(work: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds (this process: user + system) of ``work``."""
    cpu_before, started = time.process_time(), time.perf_counter()
    work()
    return time.perf_counter() - started, time.process_time() - cpu_before


def run(workdir: Path, size: ArchiveSize, runs: int) -> Outcome:
    outcome = Outcome()
    workdir.mkdir(parents=True, exist_ok=True)
    database, meeting_id, facts = _meeting(workdir, size)
    out = workdir / "minutes"
    shutil.rmtree(out, ignore_errors=True)

    def clerk_once() -> list[Path]:
        return generate_minutes(
            database, meeting_id, ["docx", "pdf"], confidential=False, out_dir=out
        )

    paths = clerk_once()  # warm: imports, fonts, templates
    docx = next(p for p in paths if p.suffix == ".docx")
    env = python_env(CLERK_HOME=str(workdir / "home"))
    cli_args = ["-m", "clerk", "--db", str(workdir / "documents.sqlite3"), "minutes"]
    cli_args += [str(meeting_id), "--format", "docx,pdf", "-o", str(workdir / "cli")]
    office = soffice()
    profile, converted = workdir / "lo-profile", workdir / "soffice"
    if office is not None:
        _convert(office, docx, converted, profile)  # first run: builds the profile
    clerk: list[float] = []
    clerk_cpu: list[float] = []
    cli: list[float] = []
    cli_cpu: list[float] = []
    office_times: list[float] = []
    office_cpu: list[float] = []
    for _ in range(runs):  # interleaved, so a busy spell slows each alike
        wall, cpu = _timed_cpu(clerk_once)
        clerk.append(wall)
        clerk_cpu.append(cpu)
        if office is not None:
            wall, cpu = _convert(office, docx, converted, profile)
            office_times.append(wall)
            office_cpu.append(cpu)
        cpu_before = _cpu_of_children()
        cli.append(timed(lambda: run_python(cli_args, env)))
        cli_cpu.append(_cpu_of_children() - cpu_before)
    database.dispose()

    outcome.rows.append(Row("documents: Clerk, Word + PDF (running process)", "s", clerk))
    outcome.rows.append(Row("documents: clerk minutes (whole process)", "s", cli))
    outcome.rows.append(Row("documents: CPU, Clerk, Word + PDF (running process)", "s", clerk_cpu))
    outcome.rows.append(Row("documents: CPU, clerk minutes (whole process)", "s", cli_cpu))
    outcome.figures["documents_cli_s"] = Row("", "s", cli).median
    outcome.figures["documents_cli_cpu_s"] = Row("", "s", cli_cpu).median
    if office is None:
        reason = "soffice is not installed"
        outcome.rows.append(Row("documents: LibreOffice Word -> PDF", "s", [], skipped=reason))
        outcome.figures["documents_ratio"] = None
        outcome.figures["documents_cpu_ratio"] = None
    else:
        ratio = Row(
            "documents: LibreOffice Word -> PDF, / Clerk",
            "s",
            office_times,
            clerk,
            target="ratio >= 10",
        )
        outcome.rows.append(ratio)
        outcome.figures["documents_ratio"] = ratio.ratio
        # CPU seconds, which a busy machine inflates much less than wall-clock time.
        cpu_ratio = Row("documents: CPU, LibreOffice / Clerk", "s", office_cpu, clerk_cpu)
        outcome.rows.append(cpu_ratio)
        outcome.figures["documents_cpu_ratio"] = cpu_ratio.ratio
    outcome.details["documents"] = {
        "meeting": facts,
        "runs": runs,
        "files": [p.name for p in paths],
        "docx_kb": round(docx.stat().st_size / 1024, 1),
    }
    return outcome
