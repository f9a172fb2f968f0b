"""Signing off the minutes: status, circulate, approve, confirm, print, sign, attach,
signed-copy, audit, verify, signing-mode."""

from __future__ import annotations

import argparse
import functools
import getpass
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from clerk.cli.context import CommandContext
from clerk.domain.enums import SigningMode
from clerk.domain.errors import ClerkError
from clerk.domain.serial import DATE
from clerk.domain.signoff.confirmation import Correction
from clerk.fileio import write_bytes
from clerk.services import audit, catalogue, signoff
from clerk.services.recording import Ack
from clerk.storage.database import Access
from clerk.storage.engine import data_dir

PASSPHRASE_ENV = "CLERK_P12_PASSPHRASE"
MEETING_HELP = "a meeting id or <committee-slug>/<yyyy-mm-dd>"


def parse_day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        if not DATE.fullmatch(text):
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        raise ClerkError(f"{option} '{text}' is not a date (YYYY-MM-DD).") from None


def meeting_id(ctx: CommandContext, reference: str) -> int:
    return catalogue.resolve_meeting(ctx.database, reference)


def with_next_command(handler: Callable[[CommandContext], int]) -> Callable[[CommandContext], int]:
    """The service's refusals say what is wrong; on the command line a record that does not
    match its journal also names the command that helps (the window offers its own way)."""

    @functools.wraps(handler)
    def run(ctx: CommandContext) -> int:
        try:
            return handler(ctx)
        except signoff.RecordDoesNotMatchJournal as error:
            raise ClerkError(f"{error} Run 'clerk audit {error.meeting_id}'.") from error

    return run


def warn_if_tampered(ctx: CommandContext, problems: list[str] | tuple[str, ...], mid: int) -> None:
    """Opening a meeting whose record does not match its journal says so (and carries on)."""
    if problems:
        print(
            f"clerk: warning: meeting {mid}'s record does not match its journal "
            f"({len(problems)} problem(s); first: {problems[0]}). Run 'clerk audit {mid}'.",
            file=ctx.err,
            flush=True,
        )


def report(ctx: CommandContext, ack: Ack, mid: int) -> int:
    ctx.say(f"Recorded: {ack.label}.")
    current = signoff.status(ctx.database, mid)
    warn_if_tampered(ctx, current.problems, mid)
    ctx.say(f"Stage: {current.stage.value}")
    if current.next is not None:
        ctx.say(f"Next: {current.next.text}")
        if current.next.command:
            ctx.say(f"  {current.next.command}")
    return 0


def status_json(current: signoff.SignoffStatus) -> dict[str, Any]:
    return {
        "meeting": current.meeting_id,
        "reference": current.reference,
        "stage": current.stage.value,
        "locked": current.locked,
        "lock_reason": current.lock_reason,
        "signing_mode": current.signing_mode.value,
        "steps": [
            {
                "step": s.step.value,
                "text": s.text,
                "recorded_by": s.recorded_by,
                "recorded_at": s.recorded_at.isoformat() + "Z" if s.recorded_at else None,
                "elsewhere": s.elsewhere,
                "verified": s.verified,
            }
            for s in current.steps
        ],
        "next": (
            {
                "step": current.next.step,
                "text": current.next.text,
                "command": current.next.command,
            }
            if current.next
            else None
        ),
        "allowed": list(current.allowed),
        "confirming_meeting": (
            {"id": current.confirming_meeting[0], "reference": current.confirming_meeting[1]}
            if current.confirming_meeting
            else None
        ),
        "problems": list(current.problems),
    }


def cmd_status(ctx: CommandContext) -> int:
    mid = meeting_id(ctx, ctx.args.meeting)
    current = signoff.status(ctx.database, mid)
    if ctx.args.json:
        ctx.say(json.dumps(status_json(current), indent=2, ensure_ascii=False))
        return 0
    for line in current.lines():
        ctx.say(line)
    return 0


def cmd_circulate(ctx: CommandContext) -> int:
    mid = meeting_id(ctx, ctx.args.meeting)
    ack = signoff.circulate(ctx.database, mid, to=ctx.args.to, on=parse_day(ctx.args.on, "--on"))
    return report(ctx, ack, mid)


@with_next_command
def cmd_approve(ctx: CommandContext) -> int:
    mid = meeting_id(ctx, ctx.args.meeting)
    ack = signoff.approve(ctx.database, mid, by=ctx.args.by, on=parse_day(ctx.args.on, "--on"))
    return report(ctx, ack, mid)


def parse_corrections(pairs: list[list[str]] | None) -> list[Correction]:
    corrections = []
    for paragraph, text in pairs or []:
        if not paragraph.isdigit():
            raise ClerkError(
                f"--correct takes a paragraph number and its new text; '{paragraph}' is not a "
                "number ('clerk export MEETING' lists the paragraphs with their ids)."
            )
        corrections.append(Correction(int(paragraph), text))
    return corrections


def cmd_confirm(ctx: CommandContext) -> int:
    mid = meeting_id(ctx, ctx.args.meeting)
    at = meeting_id(ctx, ctx.args.at)
    ack = signoff.confirm(
        ctx.database,
        mid,
        at,
        amendment=ctx.args.amendment or "",
        corrections=parse_corrections(ctx.args.correct),
    )
    return report(ctx, ack, mid)


def cmd_print(ctx: CommandContext) -> int:
    from clerk.services import minute_book  # reportlab: imported for the printing only

    mid = meeting_id(ctx, ctx.args.meeting)
    printed = minute_book.print_minute_book(ctx.database, mid, Path(ctx.args.output))
    for line in printed.lines():
        ctx.say(line)
    return 0


@with_next_command
def cmd_sign(ctx: CommandContext) -> int:
    mid = meeting_id(ctx, ctx.args.meeting)
    council = catalogue.council(ctx.database)
    if council is not None and council.signing_mode is SigningMode.DIGITAL:
        if not ctx.args.p12 or not ctx.args.output:
            raise ClerkError(
                f"{council.name} signs minutes digitally: give the chair's certificate and "
                "where to write the signed PDF (--p12 CHAIR.p12 -o SIGNED.pdf)."
            )
        if ctx.args.scan or ctx.args.on:
            raise ClerkError("--scan and --on are for minutes signed in ink.")
        signed = signoff.sign_digital(
            ctx.database,
            mid,
            Path(ctx.args.p12),
            read_passphrase(ctx),
            Path(ctx.args.output),
            by=ctx.args.by,
        )
        ctx.say(f"Signed by {signed.signer}: {signed.path} (SHA-256 {signed.sha256})")
        return report(ctx, signed.ack, mid)
    if ctx.args.p12 or ctx.args.output:
        name = council.name if council else "The council"
        raise ClerkError(
            f"{name} signs minutes in wet ink (its profile): print the minute-book copy "
            "('clerk print'), then record the signature with 'clerk sign MEETING [--scan FILE]'."
        )
    on = parse_day(ctx.args.on, "--on")
    scan = Path(ctx.args.scan) if ctx.args.scan else None
    ack = signoff.sign_wet_ink(ctx.database, mid, by=ctx.args.by, scan=scan, on=on)
    return report(ctx, ack, mid)


def cmd_attach(ctx: CommandContext) -> int:
    mid = meeting_id(ctx, ctx.args.meeting)
    ack = signoff.attach_signed_copy(
        ctx.database, mid, Path(ctx.args.file), on=parse_day(ctx.args.on, "--on")
    )
    return report(ctx, ack, mid)


def cmd_signed_copy(ctx: CommandContext) -> int:
    mid = meeting_id(ctx, ctx.args.meeting)
    kept = signoff.signed_copies(ctx.database, mid)
    if not kept:
        raise ClerkError(f"Meeting {mid} has no signed copy kept with it.")
    latest = kept[-1]
    if ctx.args.output is None:
        for attachment in kept:
            ctx.say(
                f"{attachment.id}  {attachment.purpose}  {attachment.file_name}  "
                f"{attachment.size} bytes  SHA-256 {attachment.sha256}"
            )
        return 0
    path = write_bytes(Path(ctx.args.output), signoff.attachment_content(ctx.database, latest.id))
    ctx.say(f"{path} ({latest.file_name}, SHA-256 {latest.sha256})")
    return 0


def cmd_audit(ctx: CommandContext) -> int:
    mid = meeting_id(ctx, ctx.args.meeting)
    signed = Path(ctx.args.signed_copy) if ctx.args.signed_copy else None
    result = audit.audit_meeting(
        ctx.database, mid, fingerprint=ctx.args.fingerprint, signed_copy=signed
    )
    for line in result.lines(with_changes=not ctx.args.summary):
        ctx.say(line)
    return 0 if result.ok else 1


def cmd_verify(ctx: CommandContext) -> int:
    from clerk.services import signing  # pyHanko loads only when a signature is involved

    trust = [Path(p) for p in ctx.args.trust or []]
    result = signing.verify_file(Path(ctx.args.file), trust, use_configured=not ctx.args.no_config)
    for line in result.lines():
        ctx.say(line)
    return 0 if result.ok else 1


def cmd_signing_mode(ctx: CommandContext) -> int:
    if ctx.args.mode is not None:
        ctx.args.access = Access.WRITE
        signoff.set_signing_mode(ctx.database, SigningMode(ctx.args.mode))
    council = catalogue.council(ctx.database)
    if council is None:
        raise ClerkError("This database has no council profile; import or load the demo.")
    ctx.say(f"{council.name} signs minutes: {council.signing_mode.value}")
    return 0


def read_passphrase(ctx: CommandContext) -> bytes:
    """From --passphrase-file, else $CLERK_P12_PASSPHRASE, else a prompt on the terminal."""
    if ctx.args.passphrase_file:
        path = Path(ctx.args.passphrase_file)
        try:
            return path.read_text(encoding="utf-8").rstrip("\r\n").encode("utf-8")
        except OSError as error:
            raise ClerkError(f"Cannot read the passphrase file {path}: {error.strerror}.") from None
    from_env = os.environ.get(PASSPHRASE_ENV)
    if from_env is not None:
        return from_env.encode("utf-8")
    if sys.stdin.isatty():
        return getpass.getpass(f"Passphrase for {ctx.args.p12}: ").encode("utf-8")
    raise ClerkError(
        f"The certificate file needs its passphrase: give --passphrase-file FILE or set "
        f"{PASSPHRASE_ENV}."
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("status", help="where the minutes stand in their sign-off, and what's next")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser("circulate", help="record the draft minutes circulated to the chair")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--to", metavar="PERSON", help="person id (default: the chair)")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the date, when not today")
    p.set_defaults(handler=cmd_circulate, access=Access.WRITE)

    p = sub.add_parser("approve", help="record the chair's approval; the record locks")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--by", metavar="PERSON", help="person id (default: who it went to)")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the date, when not today")
    p.set_defaults(handler=cmd_approve, access=Access.WRITE)

    p = sub.add_parser(
        "confirm", help="confirm the minutes at the next suitable meeting's Minutes item"
    )
    p.add_argument("meeting", metavar="MEETING", help="the meeting whose minutes are confirmed")
    p.add_argument(
        "--at", metavar="MEETING", required=True, help="the confirming meeting (under way)"
    )
    p.add_argument("--amendment", metavar="TEXT", help="the amendment's wording, if any")
    p.add_argument(
        "--correct",
        nargs=2,
        action="append",
        metavar=("PARAGRAPH", "TEXT"),
        help="the amendment corrects paragraph PARAGRAPH to read TEXT (repeatable)",
    )
    p.set_defaults(handler=cmd_confirm, access=Access.WRITE)

    p = sub.add_parser(
        "print", help="wet ink: the print-ready minute-book copy (numbered pages, initials boxes)"
    )
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True, help="the PDF to write")
    p.set_defaults(handler=cmd_print)

    p = sub.add_parser(
        "sign",
        help="sign the confirmed minutes: record the ink signature, or sign digitally",
        description="Wet ink (the council's profile): records the signature on the minute-book "
        "copy, with the scanned signed copy when given. Digital: signs the minutes PDF with the "
        "chair's PKCS#12 certificate; the passphrase comes from --passphrase-file, else "
        f"${PASSPHRASE_ENV}, else a prompt.",
    )
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--by", metavar="PERSON", help="person id (default: who presided at confirming)")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="wet ink: the date signed, when not today")
    p.add_argument("--scan", metavar="FILE", help="wet ink: the scanned signed copy to keep")
    p.add_argument("--p12", metavar="CHAIR.p12", help="digital: the chair's certificate and key")
    p.add_argument("--passphrase-file", metavar="FILE", help="digital: the .p12's passphrase")
    p.add_argument("-o", "--output", metavar="SIGNED.pdf", help="digital: the signed PDF")
    p.set_defaults(handler=cmd_sign, access=Access.WRITE)

    p = sub.add_parser("attach", help="keep the scanned copy of minutes signed in ink")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("file", metavar="FILE")
    p.add_argument("--on", metavar="YYYY-MM-DD", help="the date, when not today")
    p.set_defaults(handler=cmd_attach, access=Access.WRITE)

    p = sub.add_parser("signed-copy", help="list or save the signed copies kept with a meeting")
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("-o", "--output", metavar="FILE", help="save the latest signed copy here")
    p.set_defaults(handler=cmd_signed_copy)

    p = sub.add_parser(
        "audit", help="check the meeting's record against its journal; list every change"
    )
    p.add_argument("meeting", metavar="MEETING", help=MEETING_HELP)
    p.add_argument("--summary", action="store_true", help="the checks only, not every change")
    p.add_argument(
        "--fingerprint",
        metavar="CODE",
        help="the fingerprint printed on the minute-book copy: the record must still match it",
    )
    p.add_argument(
        "--signed-copy",
        metavar="FILE.pdf",
        help="a digitally signed PDF of the minutes held outside Clerk, to check the record by",
    )
    p.set_defaults(handler=cmd_audit)

    p = sub.add_parser(
        "verify",
        help="check a signed PDF: who signed, when, trusted or not, changed since or not",
        description="Trusted roots: the --trust files and every certificate (.pem, .crt, .cer, "
        f".der) in {data_dir() / 'trust'}. Exits 0 only when every signature is intact, "
        "unchanged and trusted.",
    )
    p.add_argument("file", metavar="FILE.pdf")
    p.add_argument(
        "--trust", metavar="ROOT.pem", action="append", help="a root certificate to trust"
    )
    p.add_argument("--no-config", action="store_true", help="ignore the configured trust folder")
    p.set_defaults(handler=cmd_verify)

    p = sub.add_parser("signing-mode", help="show or set how the council signs minutes")
    p.add_argument("mode", nargs="?", choices=[m.value for m in SigningMode])
    p.set_defaults(handler=cmd_signing_mode)
