"""checkout, checkin, break-checkout: a meeting taken to a laptop and brought back."""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk.cli.context import CommandContext
from clerk.services import catalogue
from clerk.services.checkin import CheckinConflicts, check_in, save_for_team
from clerk.services.checkout import break_checkout, check_out
from clerk.storage.database import Access


def cmd_checkout(ctx: CommandContext) -> int:
    done = check_out(ctx.database, ctx.args.meeting, ctx.args.team)
    again = " (again: it was already checked out to this laptop)" if done.resumed else ""
    ctx.say(
        f"Checked out {done.reference} from {done.team} to this laptop ({done.machine}) as "
        f"meeting {done.meeting_id}{again}."
    )
    if done.confirming:
        ctx.say(f"  with the meeting of {', '.join(done.confirming)}: minutes to confirm")
    if done.references:
        ctx.say(f"  for reference: the meetings of {', '.join(done.references)}")
    ctx.say(f"Record it here; bring it back with: clerk checkin {done.meeting_id}")
    return 0


def cmd_checkin(ctx: CommandContext) -> int:
    meeting_id = catalogue.resolve_meeting(ctx.database, ctx.args.meeting)
    if ctx.args.save:
        files, told = save_for_team(ctx.database, meeting_id, Path(ctx.args.save))
        for path in files:
            ctx.say(str(path))
        ctx.say(told)
        return 0
    try:
        done = check_in(ctx.database, meeting_id, anyway=ctx.args.anyway, team_url=ctx.args.to)
    except CheckinConflicts as conflicts:
        for line in conflicts.lines():
            print(f"clerk: {line}" if not line.startswith(" ") else line, file=ctx.err)
        return 1
    if done.already:
        ctx.say(f"Already brought back: {done.subject} is in the team's database.")
        return 0
    how = " anyway (journaled as such)" if done.anyway else ""
    plural = "entry" if done.applied == 1 else "entries"
    ctx.say(f"Brought back {done.subject}{how}: {done.applied} {plural} applied; released.")
    return 0


def cmd_break(ctx: CommandContext) -> int:
    out = break_checkout(ctx.database, ctx.args.meeting, ctx.args.reason)
    ctx.say(
        f"Broke the check-out to {out.machine} by {out.who}; the laptop will be told when it "
        "brings the meeting back."
    )
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    meeting_help = "a meeting id or <committee-slug>/<yyyy-mm-dd>"
    p = sub.add_parser(
        "checkout", help="take a meeting from the team's database to this laptop (--db)"
    )
    p.add_argument("meeting", metavar="MEETING", help=f"{meeting_help}, in the team's database")
    p.add_argument(
        "--from",
        dest="team",
        metavar="URL",
        required=True,
        help="the team's database (a password in it goes to the keyring, never to a file)",
    )
    p.set_defaults(handler=cmd_checkout, access=Access.CREATE)
    p = sub.add_parser("checkin", help="bring a meeting back from this laptop to the team's")
    p.add_argument("meeting", metavar="MEETING", help=f"{meeting_help}, on this laptop")
    p.add_argument(
        "--anyway",
        action="store_true",
        help="apply it despite conflicts, through the rules (journaled as such)",
    )
    p.add_argument(
        "--save",
        metavar="FILE.json",
        help="write the laptop's record for the team instead, and end the check-out",
    )
    p.add_argument("--to", metavar="URL", help="the team's database, if it has moved")
    p.set_defaults(handler=cmd_checkin, access=Access.WRITE)
    p = sub.add_parser(
        "break-checkout", help="end a check-out on the team's database without the laptop"
    )
    p.add_argument("meeting", metavar="MEETING", help=meeting_help)
    p.add_argument("--reason", required=True, help="why (journaled on the meeting)")
    p.set_defaults(handler=cmd_break, access=Access.WRITE)
