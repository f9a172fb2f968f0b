"""The substantive motion: the original motion with its carried amendments applied in order."""

from clerk.domain.entities import Motion, Part
from clerk.domain.enums import AmendmentOp, MotionKind, MotionOutcome
from clerk.domain.errors import RuleViolation
from clerk.domain.record import MeetingRecord

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def parse_part_path(path: str) -> tuple[int, int | None]:
    """ "2" is part 2; "1.a" or "1a" is sub-part a of part 1. Returns zero-based indices."""
    text = path.strip().lower().replace(" ", "")
    if not text:
        raise RuleViolation("An amendment must name the part it changes, such as 2 or 1.a.")
    number = ""
    rest = ""
    for position, char in enumerate(text):
        if char.isdigit():
            number += char
        else:
            rest = text[position:].lstrip(".")
            break
    if not number:
        raise RuleViolation(f"Part '{path}' is not a part number such as 2 or 1.a.")
    if rest and (len(rest) != 1 or rest not in LETTERS):
        raise RuleViolation(f"Part '{path}' is not a part number such as 2 or 1.a.")
    return int(number) - 1, (LETTERS.index(rest) if rest else None)


def _check_index(parts: tuple[Part, ...], index: int, path: str) -> None:
    if not 0 <= index < len(parts):
        raise RuleViolation(f"The motion has no part {path}.")


def apply_amendment(parts: tuple[Part, ...], amendment: Motion) -> tuple[Part, ...]:
    op = amendment.op or AmendmentOp.REPLACE_ALL
    if op is AmendmentOp.REPLACE_ALL:
        return amendment.parts
    if op is AmendmentOp.ADD_PART:
        return parts + amendment.parts
    index, sub = parse_part_path(amendment.target_part)
    _check_index(parts, index, amendment.target_part)
    target = parts[index]
    if sub is None:
        if op is AmendmentOp.REPLACE_PART:
            return parts[:index] + amendment.parts + parts[index + 1 :]
        if op is AmendmentOp.INSERT_AFTER:
            return parts[: index + 1] + amendment.parts + parts[index + 1 :]
        return parts[:index] + parts[index + 1 :]
    _check_index(target.parts, sub, amendment.target_part)
    subparts = target.parts
    if op is AmendmentOp.REPLACE_PART:
        subparts = subparts[:sub] + amendment.parts + subparts[sub + 1 :]
    elif op is AmendmentOp.INSERT_AFTER:
        subparts = subparts[: sub + 1] + amendment.parts + subparts[sub + 1 :]
    else:
        subparts = subparts[:sub] + subparts[sub + 1 :]
    return (*parts[:index], Part(target.text, subparts), *parts[index + 1 :])


def amendments_to(record: MeetingRecord, motion_id: int) -> list[Motion]:
    return sorted(
        (m for m in record.motions.values() if m.amends_id == motion_id), key=lambda m: m.id
    )


def substantive_parts(record: MeetingRecord, motion: Motion) -> tuple[Part, ...]:
    """The motion's parts once every carried amendment is applied, in the order moved."""
    if motion.kind is not MotionKind.MOTION:
        raise RuleViolation(f"Motion {motion.id} is an amendment, not a motion.")
    parts = motion.parts
    for amendment in amendments_to(record, motion.id):
        if amendment.outcome is MotionOutcome.CARRIED:
            parts = apply_amendment(parts, amendment)
    return parts
