"""minutes, tracker, agenda, attach-report: the documents, as Word, PDF and web (HTML) files."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from clerk.cli.context import CommandContext
from clerk.services import catalogue
from clerk.storage.database import Access

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
        catalogue.resolve_committee(ctx.database, ctx.args.committee),
        [ctx.args.format],
        open_only=ctx.args.open,
        out_dir=Path(ctx.args.output),
    )
    for path in paths:
        ctx.say(str(path))
    return 0


def cmd_agenda(ctx: CommandContext) -> int:
    from clerk.services.agenda_pack import generate_agenda_pack

    meeting_id = catalogue.resolve_meeting(ctx.database, ctx.args.meeting)
    written = generate_agenda_pack(
        ctx.database,
        meeting_id,
        [ctx.args.format],
        Path(ctx.args.output),
        members=ctx.args.members,
        supplementary=ctx.args.supplementary,
        published=ctx.args.published,
    )
    for path in written.paths:
        ctx.say(str(path))
    warning = written.check.warning()
    if warning and not ctx.args.supplementary:
        print(f"clerk: warning: {warning}", file=ctx.err, flush=True)
    return 0


def cmd_attach_report(ctx: CommandContext) -> int:
    from clerk.services.reports import attach_report

    meeting_id = catalogue.resolve_meeting(ctx.database, ctx.args.meeting)
    ack = attach_report(ctx.database, meeting_id, ctx.args.item, Path(ctx.args.file))
    ctx.say(f"{ack.seq}: {ack.label}")
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


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
    p = sub.add_parser(
        "agenda",
        help="write a meeting's agenda pack (Word: front sheet and agenda; PDF: the whole pack)",
    )
    p.add_argument(
        "meeting", metavar="MEETING", help="a meeting id or <committee-slug>/<yyyy-mm-dd>"
    )
    p.add_argument(
        "--members",
        action="store_true",
        help="the members' pack: Part II reports included, marked confidential",
    )
    p.add_argument(
        "--supplementary",
        action="store_true",
        help="only the items added late, with the reason for urgency",
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        type=_day,
        help="the day the pack is published (default: today); checked against the five "
        "clear days the law asks for",
    )
    p.add_argument("--format", default="docx,pdf", metavar="FORMATS", help=formats)
    p.add_argument("-o", "--output", metavar="DIR", default=".", help=folder)
    p.set_defaults(handler=cmd_agenda)
    p = sub.add_parser(
        "attach-report",
        help="attach a report (PDF) to an agenda item; it is kept in the database",
    )
    p.add_argument(
        "meeting", metavar="MEETING", help="a meeting id or <committee-slug>/<yyyy-mm-dd>"
    )
    p.add_argument("item", metavar="ITEM", help="the item's number on the agenda, e.g. 6")
    p.add_argument("file", metavar="FILE.pdf", help="the report (a Word file needs LibreOffice)")
    p.set_defaults(handler=cmd_attach_report, access=Access.WRITE)
