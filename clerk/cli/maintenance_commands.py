"""backup, restore, check."""

from __future__ import annotations

import argparse
from pathlib import Path

from clerk.cli.context import CommandContext
from clerk.services import maintenance
from clerk.storage import seals


def cmd_backup(ctx: CommandContext) -> int:
    if ctx.args.list:
        found = maintenance.list_backups(ctx.database)
        if not found:
            ctx.say(f"No backups of {ctx.database.describe()} yet.")
        for item in found:
            ctx.say(f"{item.made:%Y-%m-%d %H:%M:%S}  {item.reason:<8} {item.path}")
        return 0
    output = Path(ctx.args.output) if ctx.args.output else None
    path = maintenance.backup_now(ctx.database, output)
    ctx.say(f"Backed up {ctx.database.describe()} to {path}")
    return 0


def cmd_restore(ctx: CommandContext) -> int:
    done = maintenance.restore(ctx.args.db, Path(ctx.args.file))
    if done.previous is not None:
        ctx.say(f"The database as it was is backed up to {done.previous}")
    if done.moved_aside is not None:
        ctx.say(f"The unreadable database was moved aside to {done.moved_aside}")
    ctx.say(f"Restored {done.source} into {done.database}")
    return 0


def cmd_check(ctx: CommandContext) -> int:
    problems = maintenance.check(ctx.database)
    for line in problems:
        ctx.say(line)
    if problems:
        ctx.say(f"{len(problems)} problem(s) found in {ctx.database.describe()}.")
        return 1
    count = maintenance.meeting_count(ctx.database)
    ctx.say(
        f"{ctx.database.describe()} is sound: the database passes its integrity check and "
        f"the journals of its {count} meeting(s) are intact and agree with the meetings, "
        "and so does the register."
    )
    return 0


def cmd_record_key(ctx: CommandContext) -> int:
    key = seals.installation_key()
    if ctx.args.create:
        key = seals.create_key()
        ctx.say(f"Made this installation's record key {key.id}, kept in {key.where}.")
        ctx.say(
            "Every journal and register entry this Clerk writes from now on is sealed with it; "
            "'clerk audit' and 'clerk check' verify the seals. Keep a copy of it safe: without "
            "it the seals cannot be checked."
        )
        return 0
    if key is None:
        ctx.say("This installation has no record key: 'clerk record-key --create' makes one.")
        return 0
    ctx.say(f"This installation's record key is {key.id}, kept in {key.where}.")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="back up the database (into its backups folder, or -o FILE)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the backup to FILE")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.set_defaults(handler=cmd_backup)
    p = sub.add_parser(
        "restore", help="replace the database with a backup (the current one is backed up first)"
    )
    p.add_argument("file", metavar="FILE", help="a Clerk backup (.sqlite3)")
    p.set_defaults(handler=cmd_restore)
    p = sub.add_parser(
        "check", help="check the database, each meeting's journal chain and the meetings"
    )
    p.set_defaults(handler=cmd_check)
    p = sub.add_parser(
        "record-key",
        help="show or make this installation's record key (seals the journal entries it writes)",
    )
    p.add_argument("--create", action="store_true", help="make the key (once)")
    p.set_defaults(handler=cmd_record_key)
