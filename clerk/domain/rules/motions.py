"""The substantive motion: the original motion with its carried amendments applied in order."""

from clerk.domain.entities import Motion, Part, Resolution
from clerk.domain.enums import AmendmentOp, MotionKind, MotionOutcome, VoteMethod
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
    """The motion's parts once every carried amendment is applied, in the order moved.

    A motion composed so reads as one list whatever its sources' punctuation (``punctuated``);
    a motion never amended keeps the mover's own."""
    parts, composed = _composed(record, motion)
    return punctuated(parts) if composed else parts


def _composed(record: MeetingRecord, motion: Motion) -> tuple[tuple[Part, ...], bool]:
    """The motion's parts with its carried amendments applied; and whether there were any."""
    if motion.kind is not MotionKind.MOTION:
        raise RuleViolation(f"Motion {motion.id} is an amendment, not a motion.")
    parts = motion.parts
    composed = False
    for amendment in amendments_to(record, motion.id):
        if amendment.outcome is MotionOutcome.CARRIED:
            parts = apply_amendment(parts, amendment)
            composed = True
    return parts, composed


def _bare(text: str) -> str:
    """A list entry without its closing punctuation or its "; and" / "; or"."""
    bare = text.rstrip().rstrip(";,.:").rstrip()
    for word in (" and", " or"):
        head = bare[: -len(word)].rstrip()
        if bare.lower().endswith(word) and head.endswith((";", ",")):
            bare = head.rstrip(";,.:").rstrip()
    return bare


def punctuated(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """Parts as one list: ";" after each entry, "; and" before the last, a full stop at the end.

    The entries are the parts without sub-parts, in reading order; a part with sub-parts
    keeps its own text (it introduces them, "to include:")."""
    total = _count_entries(parts)
    counter = iter(range(total))

    def walk(children: tuple[Part, ...]) -> tuple[Part, ...]:
        result = []
        for part in children:
            if part.parts:
                result.append(Part(part.text, walk(part.parts)))
                continue
            index = next(counter)
            ending = "." if index == total - 1 else "; and" if index == total - 2 else ";"
            result.append(Part(_bare(part.text) + ending))
        return tuple(result)

    return walk(parts)


def _count_entries(parts: tuple[Part, ...]) -> int:
    return sum(_count_entries(p.parts) if p.parts else 1 for p in parts)


def motion_words(record: MeetingRecord, motion: Motion) -> str:
    """The motion's words as one line of text (its preamble, then its parts)."""

    def flatten(parts: tuple[Part, ...]) -> list[str]:
        texts: list[str] = []
        for part in parts:
            texts.append(part.text.strip())
            texts.extend(flatten(part.parts))
        return texts

    words = " ".join(flatten(substantive_parts(record, motion)))
    return f"{motion.preamble.strip()} {words}".strip()


def resolved_as_moved(record: MeetingRecord, motion: Motion, resolution: Resolution) -> bool:
    """The resolution says what the motion said, as amended (composed before Clerk
    punctuated composed motions, or after)."""
    if resolution.preamble.strip() != motion.preamble.strip():
        return False
    parts, _ = _composed(record, motion)
    return resolution.parts in (parts, substantive_parts(record, motion))


def agreed_without_dissent(record: MeetingRecord, motion: Motion) -> bool:
    """Carried unamended and unopposed (not on a recorded vote) and resolved in the words
    moved: the motion councils that name movers only when contested minute by its resolution.
    (A motion excluding the press and public is resolved by the exclusion it carried.)
    """
    if motion.kind is not MotionKind.MOTION or motion.outcome is not MotionOutcome.CARRIED:
        return False
    if amendments_to(record, motion.id):
        return False
    votes = record.votes_for(motion.id)
    if not votes or votes[-1].method is VoteMethod.RECORDED or not votes[-1].unanimous:
        return False
    if motion.excludes_item_id is not None:
        return True
    return resolved_in_its_words(record, motion)


def confirmed_in_its_sentence(record: MeetingRecord, motion: Motion) -> bool:
    """A motion that is the confirmation of the previous minutes, carried unamended and without
    dissent (by assent, or unanimously on a show of hands): minuted by the confirmation's own
    sentence, which names its mover and seconder as the house style does, not on its own. A
    contested one is minuted as any motion is, its vote with it."""
    if not motion.confirms_minutes or motion.outcome is not MotionOutcome.CARRIED:
        return False
    if amendments_to(record, motion.id):
        return False
    votes = record.votes_for(motion.id)
    return bool(votes) and votes[-1].method is not VoteMethod.RECORDED and votes[-1].unanimous


def resolved_in_its_words(record: MeetingRecord, motion: Motion) -> bool:
    """Resolved, and every resolution from it says what it said (as amended)."""
    resolutions = [r for r in record.resolutions.values() if r.motion_id == motion.id]
    return bool(resolutions) and all(resolved_as_moved(record, motion, r) for r in resolutions)
