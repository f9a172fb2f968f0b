"""demo, list, import, export, replay, undo, redo."""

from __future__ import annotations

import argparse
import json
import shlex
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk.cli.context import CommandContext
from clerk.cli.signoff_commands import warn_if_tampered
from clerk.domain.checkout import list_note
from clerk.domain.errors import ClerkError
from clerk.fileio import write_text
from clerk.services import catalogue, demo, record_json
from clerk.services.checkout import checked_out
from clerk.services.recording import Ack, MeetingSession
from clerk.services.replay import read_script, replay
from clerk.storage.database import Access
from clerk.storage.engine import database_url, sqlite_path
from clerk.storage.integrity import FileKind, identify


def cmd_demo(ctx: CommandContext) -> int:
    ids = demo.load_demo(ctx.database)
    ctx.say(f"Loaded the demo into {ctx.database.describe()}:")
    for summary in catalogue.meetings(ctx.database):
        if summary.id in ids:
            ctx.say(f"  {summary.id}  {summary.reference}  ({summary.meeting.status})")
    return 0


def cmd_init(ctx: CommandContext) -> int:
    """An empty Clerk database at PATH (or --db, CLERK_DB, the default); one already there
    is left as it is."""
    if ctx.args.path is not None:
        if ctx.args.db is not None and ctx.args.db != ctx.args.path:
            raise ClerkError("Give the database once: 'clerk init PATH' or 'clerk --db PATH init'.")
        ctx.args.db = ctx.args.path
    path = sqlite_path(database_url(ctx.args.db))
    kind = identify(path) if path is not None else None
    database = ctx.database
    if kind in (FileKind.MISSING, FileKind.EMPTY):
        ctx.say(f"Created an empty Clerk database at {database.describe()}.")
        clerk = shlex.join(["clerk", *ctx.db_option()])
        ctx.say(
            f"Next: '{clerk} demo' loads the demo, '{clerk} import FILE.json' a meeting record."
        )
    elif (
        kind is None and catalogue.council(database) is None and not catalogue.committees(database)
    ):
        ctx.say(f"{database.describe()} is ready for Clerk.")
    else:
        count = len(catalogue.meetings(database))
        ctx.say(
            f"{database.describe()} is already a Clerk database ({count} meeting(s)); "
            "nothing was changed."
        )
    return 0


def cmd_list(ctx: CommandContext) -> int:
    council = catalogue.council(ctx.database)
    committees = catalogue.committees(ctx.database)
    meetings = catalogue.meetings(ctx.database)
    held = checked_out(ctx.database)
    today = datetime.now().date()
    if ctx.args.json:
        body: dict[str, Any] = {
            "council": council.name if council else None,
            "committees": [
                {
                    "slug": committee.slug,
                    "name": committee.name,
                    "meetings": [
                        {
                            "id": m.id,
                            "date": m.meeting.date.isoformat(),
                            "reference": m.reference,
                            "status": m.meeting.status.value,
                            "kind": m.meeting.kind.value,
                            "check_out": list_note(held.get(m.id), today) or None,
                        }
                        for m in meetings
                        if m.committee == committee.slug
                    ],
                }
                for committee in committees
            ],
        }
        ctx.say(json.dumps(body, indent=2, ensure_ascii=False))
        return 0
    if not committees:
        ctx.say("No committees yet: run 'clerk demo', or 'clerk import FILE.json'.")
        return 0
    if council is not None:
        ctx.say(council.name)
    for committee in committees:
        ctx.say(f"{committee.slug}  {committee.name}")
        for m in meetings:
            if m.committee == committee.slug:
                day = m.meeting.date.isoformat()
                note = list_note(held.get(m.id), today)
                note = f"  ({note})" if note else ""
                ctx.say(f"  {m.id:>4}  {day}  {m.meeting.status:<12} {m.reference}{note}")
    return 0


def cmd_import(ctx: CommandContext) -> int:
    meeting_id = record_json.import_file(ctx.database, Path(ctx.args.file))
    reference = next(m.reference for m in catalogue.meetings(ctx.database) if m.id == meeting_id)
    ctx.say(f"Imported meeting {meeting_id} ({reference}).")
    return 0


def cmd_export(ctx: CommandContext) -> int:
    meeting_id = catalogue.resolve_meeting(ctx.database, ctx.args.meeting)
    text = record_json.export_meeting(ctx.database, meeting_id)
    if ctx.args.output in (None, "-"):
        ctx.out.write(text)
        return 0
    path = write_text(Path(ctx.args.output), text)
    ctx.say(str(path))
    return 0


def cmd_replay(ctx: CommandContext) -> int:
    meeting_id = catalogue.resolve_meeting(ctx.database, ctx.args.meeting)
    path = Path(ctx.args.script)
    text = read_script(path)
    session = MeetingSession(ctx.database, meeting_id)
    warn_if_tampered(ctx, session.tamper_warnings, meeting_id)

    def acknowledge(line: int, ack: Ack) -> None:
        ctx.say(f"ok {line}: {ack.label}")

    applied, skipped = replay(session, text, source=path.name, on_ack=acknowledge)
    note = f" ({skipped} already applied, skipped)" if skipped else ""
    ctx.say(f"Replayed {applied} actions{note}.")
    return 0


def cmd_undo(ctx: CommandContext) -> int:
    session = MeetingSession(
        ctx.database, catalogue.resolve_meeting(ctx.database, ctx.args.meeting)
    )
    warn_if_tampered(ctx, session.tamper_warnings, session.meeting_id)
    ctx.say(session.undo().label)
    return 0


def cmd_redo(ctx: CommandContext) -> int:
    session = MeetingSession(
        ctx.database, catalogue.resolve_meeting(ctx.database, ctx.args.meeting)
    )
    warn_if_tampered(ctx, session.tamper_warnings, session.meeting_id)
    ctx.say(session.redo().label)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    meeting_help = "a meeting id or <committee-slug>/<yyyy-mm-dd>"
    p = sub.add_parser("init", help="create an empty Clerk database (at PATH, or --db)")
    p.add_argument(
        "path",
        metavar="PATH",
        nargs="?",
        help="the database file (default: --db, CLERK_DB or the user data folder)",
    )
    p.set_defaults(handler=cmd_init, access=Access.CREATE)
    p = sub.add_parser("demo", help="load the demo committee and meetings")
    p.set_defaults(handler=cmd_demo, access=Access.CREATE)
    p = sub.add_parser("list", help="committees and meetings with their ids")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser("import", help="import a JSON meeting record")
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(handler=cmd_import, access=Access.CREATE)
    p = sub.add_parser("export", help="export a meeting as a JSON meeting record")
    p.add_argument("meeting", metavar="MEETING", help=meeting_help)
    p.add_argument("-o", "--output", metavar="FILE.json", help="file to write (default: stdout)")
    p.set_defaults(handler=cmd_export)
    p = sub.add_parser("replay", help="record a script of actions (JSON lines) on a meeting")
    p.add_argument("meeting", metavar="MEETING", help=meeting_help)
    p.add_argument("script", metavar="SCRIPT.jsonl")
    p.set_defaults(handler=cmd_replay, access=Access.WRITE)
    p = sub.add_parser("undo", help="undo the meeting's last recorded action")
    p.add_argument("meeting", metavar="MEETING", help=meeting_help)
    p.set_defaults(handler=cmd_undo, access=Access.WRITE)
    p = sub.add_parser("redo", help="redo the meeting's last undone action")
    p.add_argument("meeting", metavar="MEETING", help=meeting_help)
    p.set_defaults(handler=cmd_redo, access=Access.WRITE)


__all__ = ["ClerkError", "register"]
