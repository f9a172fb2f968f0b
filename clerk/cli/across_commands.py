"""Across meetings: search, the attendance record, and the six-month rule's records."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from clerk.cli.context import CommandContext
from clerk.cli.signoff_commands import parse_day
from clerk.domain.errors import ClerkError
from clerk.domain.search import SearchFilters
from clerk.services import attendance
from clerk.services import search as search_service
from clerk.storage.database import Access


def cmd_search(ctx: CommandContext) -> int:
    args = ctx.args
    if args.limit < 1:
        raise ClerkError(f"--limit must be at least 1, not {args.limit}.")
    filters = SearchFilters(
        committee=args.committee,
        person=args.person,
        date_from=parse_day(args.date_from, "--from"),
        date_to=parse_day(args.date_to, "--to"),
        include_confidential=args.confidential,
    )
    outcome = search_service.search(ctx.database, " ".join(args.words), filters, args.limit)
    if args.json:
        ctx.say(
            json.dumps(
                {
                    "query": outcome.query.describe(),
                    "message": outcome.message,
                    "more": outcome.more,
                    "results": [r.as_json() for r in outcome.results],
                },
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if outcome.message:
        ctx.say(outcome.message)
    for result in outcome.results:
        mark = " [CONFIDENTIAL]" if result.confidential else ""
        ctx.say(f"{result.meeting}  {result.where}. {result.title} ({result.kind.value}){mark}")
        ctx.say(f"    {result.plain_snippet()}")
    if outcome.more:
        ctx.say(f"(the first {len(outcome.results)} results; narrow the search for the rest)")
    return 0


def cmd_search_index(ctx: CommandContext) -> int:
    count = search_service.rebuild_index(ctx.database)
    ctx.say(f"Indexed {count} meetings for search.")
    return 0


def cmd_attendance(ctx: CommandContext) -> int:
    args = ctx.args
    report = attendance.attendance_report(
        ctx.database,
        args.subject,
        parse_day(args.date_from, "--from"),
        parse_day(args.date_to, "--to"),
    )
    if args.format is None:
        if report.message:
            ctx.say(report.message)
        ctx.out.write(attendance.csv_text(report))
        for note in attendance.notes(report):
            ctx.say(f"# {note}")
        return 0
    council = ""
    from clerk.services import catalogue

    profile = catalogue.council(ctx.database)
    council = profile.name if profile is not None else ""
    for path in attendance.write_report(report, council, [args.format], Path(args.output)):
        ctx.say(str(path))
    return 0


def cmd_approve_absence(ctx: CommandContext) -> int:
    args = ctx.args
    approved_on = parse_day(args.on, "--on")
    assert approved_on is not None
    approval = attendance.approve_absence(
        ctx.database,
        args.person,
        approved_on,
        args.minute,
        args.reason or "",
        parse_day(args.until, "--until"),
    )
    until = f" until {approval.until.isoformat()}" if approval.until else ""
    ctx.say(
        f"Recorded: the council approved {approval.person_id}'s reason for absence on "
        f"{approval.approved_on.isoformat()}{until} ({approval.minute})."
    )
    return 0


def cmd_outside_attendance(ctx: CommandContext) -> int:
    args = ctx.args
    on = parse_day(args.on, "--on")
    assert on is not None
    attendance.record_outside_attendance(ctx.database, args.person, on, args.body)
    ctx.say(f"Recorded: {args.person} attended {args.body} on {on.isoformat()}.")
    return 0


def cmd_attendance_settings(ctx: CommandContext) -> int:
    args = ctx.args
    remote = None if args.remote_counts is None else args.remote_counts == "yes"
    if args.warning_weeks is None and remote is None:
        current = attendance.settings(ctx.database)
    else:
        current = attendance.change_settings(ctx.database, args.warning_weeks, remote)
    ctx.say(f"warning-weeks: {current.warning_weeks}")
    ctx.say(f"remote-counts: {'yes' if current.remote_counts else 'no'}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("search", help="search every meeting's minutes, resolutions and actions")
    p.add_argument("words", nargs="+", metavar="WORDS", help='words, and "phrases" in quotes')
    p.add_argument("--committee", metavar="SLUG", help="only this committee's meetings")
    p.add_argument("--person", metavar="ID", help="only what concerns this person")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="meetings on or after")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="meetings on or before")
    p.add_argument(
        "--confidential",
        action="store_true",
        help="search exempt (Schedule 12A) text too; such results are marked",
    )
    p.add_argument("--limit", type=int, default=50, metavar="N", help="results (default 50)")
    p.add_argument("--json", action="store_true", help="the results as JSON")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("search-index", help="build the search index again from every meeting")
    p.set_defaults(handler=cmd_search_index, access=Access.WRITE)

    p = sub.add_parser(
        "attendance", help="attendance of a committee's members or of one person; six-month rule"
    )
    p.add_argument("subject", metavar="COMMITTEE|PERSON", help="a committee slug or a person id")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="meetings on or after")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="meetings on or before")
    p.add_argument(
        "--format", metavar="FORMATS", help="csv, docx, pdf or a list (default: CSV on stdout)"
    )
    p.add_argument("-o", "--output", metavar="DIR", default=".", help="the folder to write into")
    p.set_defaults(handler=cmd_attendance)

    p = sub.add_parser(
        "approve-absence", help="record the council's approval of a member's reason for absence"
    )
    p.add_argument("person", metavar="PERSON", help="the member's id")
    p.add_argument("--on", required=True, metavar="DATE", help="the date the council approved it")
    p.add_argument("--minute", required=True, metavar="TEXT", help="the minute recording it")
    p.add_argument("--reason", metavar="TEXT", help="the reason approved")
    p.add_argument("--until", metavar="DATE", help="the end of the approved absence, if given")
    p.set_defaults(handler=cmd_approve_absence, access=Access.WRITE)

    p = sub.add_parser(
        "outside-attendance", help="record attendance at a body the council appoints to"
    )
    p.add_argument("person", metavar="PERSON", help="the member's id")
    p.add_argument("--on", required=True, metavar="DATE", help="the date of the meeting")
    p.add_argument("--body", required=True, metavar="NAME", help="the body attended")
    p.set_defaults(handler=cmd_outside_attendance, access=Access.WRITE)

    p = sub.add_parser("attendance-settings", help="the council's settings for the six-month rule")
    p.add_argument("--warning-weeks", type=int, metavar="N", help="warn this many weeks ahead")
    p.add_argument(
        "--remote-counts", choices=("yes", "no"), help="whether remote attendance counts"
    )
    p.set_defaults(handler=cmd_attendance_settings, access=Access.WRITE)
