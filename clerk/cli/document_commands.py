"""minutes, tracker: the documents, as Word, PDF and web (HTML) files."""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk.cli.context import CommandContext
from clerk.services import catalogue

# The documents service (python-docx, reportlab) is imported when a document is asked for:
# every other command, and the desktop app, start without paying for it.


def cmd_minutes(ctx: CommandContext) -> int:
    from clerk.services.documents import generate_minutes

    meeting_id = catalogue.resolve_meeting(ctx.database, ctx.args.meeting)
    paths = generate_minutes(
        ctx.database,
        meeting_id,
        [ctx.args.format],
        confidential=ctx.args.confidential,
        out_dir=Path(ctx.args.output),
    )
    for path in paths:
        ctx.say(str(path))
    return 0


def cmd_tracker(ctx: CommandContext) -> int:
    from clerk.services.documents import generate_tracker

    paths = generate_tracker(
        ctx.database,
        ctx.args.committee,
        [ctx.args.format],
        open_only=ctx.args.open,
        out_dir=Path(ctx.args.output),
    )
    for path in paths:
        ctx.say(str(path))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    formats = "docx, pdf, html (the web version), or a list: docx,pdf (the default)"
    folder = "the folder to write into (default: the current folder)"
    p = sub.add_parser("minutes", help="write the minutes of a meeting (Word, PDF, web page)")
    p.add_argument(
        "meeting", metavar="MEETING", help="a meeting id or <committee-slug>/<yyyy-mm-dd>"
    )
    p.add_argument("--format", default="docx,pdf", metavar="FORMATS", help=formats)
    p.add_argument(
        "--confidential",
        action="store_true",
        help="include exempt (Schedule 12A) detail; every page says it is not for publication",
    )
    p.add_argument("-o", "--output", metavar="DIR", default=".", help=folder)
    p.set_defaults(handler=cmd_minutes)
    p = sub.add_parser("tracker", help="write a committee's action tracker (Word, PDF, web page)")
    p.add_argument("committee", metavar="COMMITTEE", help="the committee's slug (see 'clerk list')")
    p.add_argument("--format", default="docx,pdf", metavar="FORMATS", help=formats)
    p.add_argument("--open", action="store_true", help="only actions still open or in progress")
    p.add_argument("-o", "--output", metavar="DIR", default=".", help=folder)
    p.set_defaults(handler=cmd_tracker)
