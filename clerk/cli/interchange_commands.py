"""import-moderngov, export-ocd, calendar: in from the committee system, out as open data."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from clerk.cli.context import CommandContext
from clerk.domain.errors import ClerkError
from clerk.storage.database import Access


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def cmd_import_moderngov(ctx: CommandContext) -> int:
    from clerk.services.moderngov.importer import apply_plan, preview, read_files
    from clerk.services.moderngov.plan import Options

    args = ctx.args
    options = Options(args.from_date, args.include_cancelled, args.include_expired)
    if args.url:
        from clerk.services.moderngov.fetch import fetch_answers

        if args.files:
            raise ClerkError("Give ModernGov answer files or --url, not both.")
        if not args.committee:
            raise ClerkError("--url needs --committee ID (the committee's ModernGov id).")
        start = args.from_date or date.today()
        answers = fetch_answers(args.url, args.committee, start, args.include_cancelled)
    else:
        if not args.files:
            raise ClerkError("Give ModernGov answer files (FILE.xml...) or --url BASE.")
        answers = read_files([Path(f) for f in args.files])
    plan = preview(ctx.database, answers, options)
    for line in plan.all_lines():
        ctx.say(f"{line.kind:<7}{line.text}")
    if plan.empty:
        ctx.say("Nothing to import: Clerk already has all of it.")
        return 0
    if args.dry_run:
        ctx.say("Dry run: nothing was written.")
        return 0
    done = apply_plan(ctx.database, plan)
    for imported in done:
        ctx.say(f"{imported.meeting_id:>5}  {imported.reference}  {imported.label}")
    people, committees = len(plan.persons), len(plan.committees)
    ctx.say(
        f"Imported {len(done)} meeting(s); {people} people and {committees} committee(s) "
        "added or updated. 'clerk undo MEETING' undoes a meeting's import."
    )
    return 0


def cmd_export_ocd(ctx: CommandContext) -> int:
    from clerk.fileio import write_text
    from clerk.services.open_data import export_open_data

    args = ctx.args
    text = export_open_data(
        ctx.database, args.committees or None, args.from_date, args.to_date, args.minutes_url
    )
    if args.output in (None, "-"):
        ctx.out.write(text)
        return 0
    ctx.say(str(write_text(Path(args.output), text)))
    return 0


def cmd_calendar(ctx: CommandContext) -> int:
    from clerk.fileio import write_bytes
    from clerk.services.calendar_ics import committee_calendar

    data = committee_calendar(ctx.database, ctx.args.committee, ctx.args.minutes_url)
    ctx.say(str(write_bytes(Path(ctx.args.output), data)))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "import-moderngov",
        help="import committees, people, meetings and agendas from ModernGov answers",
        description="Import from the council's ModernGov web service: answer files saved "
        "from it (GetCommittees, GetMeetings, GetMeeting, GetCouncillorsByWard), or asked "
        "of it with --url when online.",
    )
    p.add_argument("files", nargs="*", metavar="FILE.xml", help="ModernGov answers saved as files")
    p.add_argument("--url", metavar="BASE", help="the council's ModernGov address")
    p.add_argument("--committee", metavar="ID", help="with --url: the committee's ModernGov id")
    p.add_argument(
        "--from",
        dest="from_date",
        type=_day,
        metavar="DATE",
        help="only meetings on or after DATE (YYYY-MM-DD; with --url the default is today)",
    )
    p.add_argument("--include-cancelled", action="store_true", help="import cancelled meetings too")
    p.add_argument("--include-expired", action="store_true", help="import expired committees too")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be added or changed; write nothing"
    )
    p.set_defaults(handler=cmd_import_moderngov, access=Access.CREATE)
    minutes = "where the published minutes will be: their files' names are added to it"
    p = sub.add_parser(
        "export-ocd",
        help="publish meetings as open data (Open Civic Data / Popolo JSON)",
        description="People, organizations (the council, committees, political groups), "
        "memberships, meetings with their public agenda, motions and vote events. Exempt "
        "business never leaves.",
    )
    p.add_argument("committees", nargs="*", metavar="COMMITTEE", help="committee slugs (all)")
    p.add_argument("--from", dest="from_date", type=_day, metavar="DATE", help="from DATE")
    p.add_argument("--to", dest="to_date", type=_day, metavar="DATE", help="to DATE")
    p.add_argument("--minutes-url", default="", metavar="URL", help=minutes)
    p.add_argument("-o", "--output", metavar="FILE.json", help="file to write (default: stdout)")
    p.set_defaults(handler=cmd_export_ocd)
    p = sub.add_parser(
        "calendar", help="a committee's meetings as an iCalendar file, cancellations included"
    )
    p.add_argument("committee", metavar="COMMITTEE", help="the committee's slug")
    p.add_argument("--minutes-url", default="", metavar="URL", help=minutes)
    p.add_argument("-o", "--output", required=True, metavar="FILE.ics", help="file to write")
    p.set_defaults(handler=cmd_calendar)
