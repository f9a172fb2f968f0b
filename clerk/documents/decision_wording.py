"""The sentences for motions, amendments, votes and the exclusion of the press and public.

House style, as councils minute them: "Councillor A proposed and Councillor B seconded a
motion", "On being put to the vote, the motion was declared carried (For: 5; Against: 2)", a
recorded vote by name ("For: Councillors A, B and C (3); Against: ..."), each row ending with
its count, the
casting vote, and the exclusion resolution under section 100A(4) of the Local Government Act
1972.
"""

from __future__ import annotations

from itertools import groupby

from clerk.documents.model import Cell, Column, Para, Table
from clerk.documents.wording import SCHEDULE_12A, people_phrase
from clerk.domain.entities import Motion, Person, VoteChoice, VoteEvent
from clerk.domain.enums import (
    AmendmentOp,
    MotionKind,
    MotionOutcome,
    VoteMethod,
    VoteOption,
)
from clerk.domain.names import display_name, join_names
from clerk.domain.rules.business import result_word

#: The rows of a recorded vote, in the order councils print them.
ROWS: tuple[tuple[VoteOption, str], ...] = (
    (VoteOption.YES, "For"),
    (VoteOption.NO, "Against"),
    (VoteOption.ABSTAIN, "Abstain"),
    (VoteOption.ABSENT, "Absent"),
    (VoteOption.EXCLUDED, "Excluded from voting"),
    (VoteOption.NOT_VOTING, "Did not vote"),
)
#: Rows printed even when nobody is in them ("Against: none (0)").
ALWAYS_PRINTED = (VoteOption.YES, VoteOption.NO)
#: Rows a recorded vote's table always has (For, Against, Abstain: the grid a reader expects).
ALWAYS_TABULATED = (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN)


def mover_sentence(motion: Motion, persons: dict[str, Person]) -> str:
    """ "Councillor A proposed and Councillor B seconded a motion" (no full stop)."""
    mover = display_name(persons[motion.mover_id])
    what = "an amendment" if motion.kind is MotionKind.AMENDMENT else "a motion"
    if motion.seconder_id is None:
        return f"{mover} proposed {what}"
    seconder = display_name(persons[motion.seconder_id])
    return f"{mover} proposed and {seconder} seconded {what}"


def amendment_operation(amendment: Motion) -> str:
    """What the amendment does, as the clerk says it."""
    op = amendment.op or AmendmentOp.REPLACE_ALL
    part = amendment.target_part.strip()
    if op is AmendmentOp.REPLACE_ALL:
        return "to replace the motion with the following"
    if op is AmendmentOp.REPLACE_PART:
        return f"to replace part {part} of the motion with the following"
    if op is AmendmentOp.INSERT_AFTER:
        return f"to insert the following after part {part} of the motion"
    if op is AmendmentOp.ADD_PART:
        return "to add the following to the motion"
    return f"to delete part {part} of the motion"


def _names(choices: list[VoteChoice], persons: dict[str, Person]) -> str:
    """The people of one row; those given a reason grouped by it, the reason beside them."""
    without = [persons[c.person_id] for c in choices if not c.reason.strip()]
    groups = [people_phrase(without)] if without else []
    given = sorted((c for c in choices if c.reason.strip()), key=lambda c: c.reason.strip())
    for reason, members in groupby(given, key=lambda c: c.reason.strip()):
        people = people_phrase(persons[c.person_id] for c in members)
        groups.append(f"{people} ({reason.rstrip('.')})")
    return join_names(groups)


def recorded_vote_rows(
    vote: VoteEvent,
    persons: dict[str, Person],
    always: tuple[VoteOption, ...] = ALWAYS_PRINTED,
) -> list[tuple[str, str, int]]:
    """The rows of a recorded vote, (label, names, count): those ``always`` printed (For and
    Against), then Abstain, Absent, Excluded from voting and Did not vote where anyone is in
    them."""
    rows = []
    for option, label in ROWS:
        chosen = [c for c in vote.choices if c.option is option]
        if chosen or option in always:
            rows.append((label, _names(chosen, persons) or "none", len(chosen)))
    return rows


def recorded_vote_line(vote: VoteEvent, persons: dict[str, Person]) -> str:
    """ "For: Councillors A, B and C (3); Against: Councillor D (1)": the rows in one line,
    each ending with its count (the minutes print :func:`recorded_vote_table`)."""
    rows = recorded_vote_rows(vote, persons)
    return "; ".join(f"{label}: {names} ({count})" for label, names, count in rows)


#: A recorded vote's table: the way of voting heads each row.
VOTE_COLUMNS = (
    Column("Vote", weight=0.0, min_mm=34.0),
    Column("Members", weight=1.0, min_mm=80.0),
    Column("Number", weight=0.0, min_mm=22.0),
)


def recorded_vote_table(vote: VoteEvent, persons: dict[str, Person], noun: str) -> Table:
    """A recorded vote as a data table: the header row (Vote, Members, Number), then a row
    for each way of voting (For, Against and Abstain always), its label the header of its row."""
    rows = tuple(
        (Cell((Para(label),)), Cell((Para(names),)), Cell((Para(str(count)),)))
        for label, names, count in recorded_vote_rows(vote, persons, ALWAYS_TABULATED)
    )
    return Table(VOTE_COLUMNS, rows, row_headers=True, caption=f"Recorded vote on the {noun}")


def counts(vote: VoteEvent) -> str:
    """ "For: 3; Against: 2; Abstain: 1" (abstentions only when there were some)."""
    text = f"For: {vote.yes}; Against: {vote.no}"
    return f"{text}; Abstain: {vote.abstain}" if vote.abstain else text


def vote_sentences(
    vote: VoteEvent,
    persons: dict[str, Person],
    chair_title: str,
    chair_id: str | None,
    noun: str,
    rows_inline: bool = True,
) -> list[str]:
    """The outcome of a vote as one or more paragraphs (a recorded vote's names in the second;
    with ``rows_inline`` False they are left out: the minutes print them as a table).

    ``noun`` is "motion", "amendment" or "substantive motion"."""
    result = result_word(vote.result)
    recorded = vote.method is VoteMethod.RECORDED
    rows = [recorded_vote_line(vote, persons)] if recorded and rows_inline else []
    if vote.method is VoteMethod.ASSENT:
        return [f"On being put to the meeting, the {noun} was agreed."]
    if not vote.counted:
        return [f"On being put to the vote, the {noun} was declared {result}."]
    if vote.casting_option is not None:
        caster = vote.casting_by
        if caster is not None and caster == chair_id:
            who = f"the {chair_title}"
        elif caster is not None:
            who = f"{display_name(persons[caster])}, presiding,"
        else:
            who = "the person presiding"
        side = "for" if vote.casting_option is VoteOption.YES else "against"
        casting = (
            f"There being an equality of votes, {who} used their casting vote {side} the "
            f"{noun}, which was declared {result}."
        )
        if recorded:
            return [
                "On being put to a recorded vote, there was an equality of votes:",
                *rows,
                casting,
            ]
        return [
            f"On being put to the vote, there was an equality of votes ({counts(vote)}).",
            casting,
        ]
    if recorded:
        return [f"On being put to a recorded vote, the {noun} was declared {result}:", *rows]
    if vote.unanimous:
        return [f"On being put to the vote, the {noun} was declared {result} unanimously."]
    return [f"On being put to the vote, the {noun} was declared {result} ({counts(vote)})."]


def agreed_clause(vote: VoteEvent) -> str:
    """ ", which was agreed" / ", which was agreed unanimously": a motion carried without
    dissent, minuted in one sentence with its mover."""
    if vote.method is VoteMethod.ASSENT:
        return ", which was agreed"
    return ", which was agreed unanimously"


def unvoted_outcome(motion: Motion, noun: str) -> str | None:
    if motion.outcome is MotionOutcome.WITHDRAWN:
        return f"The {noun} was withdrawn."
    if motion.outcome is MotionOutcome.FELL:
        return f"The {noun} fell."
    return None


# -- exclusion of the press and public -----------------------------------------------------


def exclusion_motion_sentence(intro: str, target: str) -> str:
    """ "Councillor A proposed and Councillor B seconded a motion that the press and public be
    excluded from the meeting for the following item of business (Minute 9)." """
    return f"{intro} that the press and public be excluded from the meeting {target}"


def exclusion_resolution(target: str, paragraph: int) -> str:
    """The words of the resolution excluding the press and public (after "Resolved:")."""
    return (
        "That, under section 100A(4) of the Local Government Act 1972, the press and public be "
        f"excluded from the meeting {target} on the grounds that it involves the likely "
        f"disclosure of exempt information as defined in paragraph {paragraph} of "
        f"{SCHEDULE_12A}."
    )


def public_remained_sentence(consideration: str) -> str:
    """A lost exclusion motion: "The press and public therefore remained in the meeting for
    the consideration of Minute 10." """
    return f"The press and public therefore remained in the meeting for {consideration}."
