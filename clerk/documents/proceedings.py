"""An item's proceedings minuted: one pass over the sequence the domain gives, in its order.

The order is the domain's (``clerk.domain.rules.proceedings``); this module only words each
step: minute text, notes, motions and amendments, votes, resolutions, adjournments, the
exclusion and readmission of the press and public, changes of chair, arrivals and departures.
In the public version an exempt item keeps only what is not exempt: who came and went, the
adjournment (without its reason), the exclusion and readmission, the chair.
"""

from __future__ import annotations

from clerk.documents import decision_wording as decided
from clerk.documents import wording
from clerk.documents.minute_context import MinuteContext
from clerk.documents.model import Block, NumberedList, Para
from clerk.documents.parts import part_items, resolution_blocks, wording_blocks
from clerk.domain.entities import (
    AgendaItem,
    Motion,
    MovementEntry,
    Paragraph,
    ProceduralEvent,
    Resolution,
    StepRef,
    VoteEvent,
)
from clerk.domain.enums import MotionKind, MotionOutcome, MoverNaming, VoteMethod, VoteResult
from clerk.domain.rules.motions import (
    agreed_without_dissent,
    amendments_to,
    confirmed_in_its_sentence,
    resolved_in_its_words,
    substantive_parts,
)
from clerk.domain.rules.proceedings import Entry, EntryKind, exclusion_target, resumption

#: What the public version keeps of an exempt item's proceedings.
PUBLIC_KINDS = frozenset(
    {
        EntryKind.ARRIVED,
        EntryKind.LEFT,
        EntryKind.ADJOURNED,
        EntryKind.RESUMED,
        EntryKind.PUBLIC_EXCLUDED,
        EntryKind.PUBLIC_READMITTED,
        EntryKind.PRESIDING,
    }
)


def proceedings_blocks(
    ctx: MinuteContext, entries: list[Entry], where: AgendaItem | None
) -> list[Block]:
    """The blocks minuting ``entries``, the proceedings of ``where`` (None: before the first
    minute), in their order."""
    writer = _Writer(ctx, where)
    hidden = where is not None and ctx.hidden(where)
    blocks: list[Block] = []
    done: set[StepRef] = set()
    for index, entry in enumerate(entries):
        if entry.step in done or (hidden and entry.kind not in PUBLIC_KINDS):
            continue
        following = entries[index + 1] if index + 1 < len(entries) else None
        blocks.extend(writer.entry(entry, following, done))
    return blocks


def entry_blocks(ctx: MinuteContext, entries: list[Entry], where: AgendaItem) -> list[list[Block]]:
    """Each entry's blocks on its own (the window's preview of the sequence): a motion agreed
    without dissent is not run together with its vote here, and a recorded vote's names are
    one line ("For: Councillors A and B (2); Against: ..."), not a table."""
    writer = _Writer(ctx, where, tables=False)
    return [writer.entry(entry, None, set()) for entry in entries]


class _Writer:
    def __init__(self, ctx: MinuteContext, where: AgendaItem | None, tables: bool = True) -> None:
        self.ctx = ctx
        #: A recorded vote's names as a table (the documents), or as one line (the preview).
        self.tables = tables
        self.record = ctx.record
        self.persons = ctx.persons
        self.where = where
        self.hidden = where is not None and ctx.hidden(where)
        self.when_contested = ctx.record.council.movers_named is MoverNaming.WHEN_CONTESTED

    def entry(self, entry: Entry, following: Entry | None, done: set[StepRef]) -> list[Block]:
        entity = entry.entity
        if isinstance(entity, Paragraph):
            return self.paragraph(entity)
        if isinstance(entity, Motion):
            if entry.kind is EntryKind.OUTCOME:
                text = decided.unvoted_outcome(entity, self.noun(entity))
                return [Para(text)] if text else []
            return self.moved(entity, following, done)
        if isinstance(entity, VoteEvent):
            return self.voted(entity)
        if isinstance(entity, Resolution):
            return resolution_blocks(entity)
        if isinstance(entity, MovementEntry):
            return [Para(self.movement(entity))]
        return self.event(entry, entity)

    def paragraph(self, paragraph: Paragraph) -> list[Block]:
        """Minute text; a paragraph exempt on its own (a correction to an exempt minute,
        confirmed at a public item) only in the confidential version, under its note."""
        own = paragraph.exempt_paragraph
        if own is None or (self.where is not None and self.where.exempt):
            return [Para(paragraph.text)]
        if not self.ctx.options.confidential:
            return []
        return [
            Para(wording.exempt_note(own), italic=True, keep_with_next=True),
            Para(paragraph.text),
        ]

    # -- motions and votes ---------------------------------------------------------------

    def noun(self, motion: Motion) -> str:
        if motion.kind is MotionKind.AMENDMENT:
            return "amendment"
        amendments = amendments_to(self.record, motion.id)
        carried = any(a.outcome is MotionOutcome.CARRIED for a in amendments)
        return "substantive motion" if carried else "motion"

    def unnamed(self, motion: Motion) -> bool:
        """Minuted by its resolution alone (a council naming movers only when contested), or
        by the confirmation of the minutes it was (which names its mover if any sentence
        does)."""
        if confirmed_in_its_sentence(self.record, motion):
            return True
        return self.when_contested and agreed_without_dissent(self.record, motion)

    def moved(self, motion: Motion, following: Entry | None, done: set[StepRef]) -> list[Block]:
        intro = decided.mover_sentence(motion, self.persons)
        if motion.kind is MotionKind.AMENDMENT:
            return self.amendment(motion, intro)
        if self.unnamed(motion):
            return []
        if motion.excludes_item_id is not None:
            intro = decided.exclusion_motion_sentence(intro, self.exclusion_target(motion))
        votes = self.record.votes_for(motion.id)
        if (
            agreed_without_dissent(self.record, motion)
            and following is not None
            and following.kind is EntryKind.VOTE
            and following.entity is votes[-1]
        ):
            done.add(following.step)
            return [Para(f"{intro}{decided.agreed_clause(votes[-1])}.")]
        if motion.excludes_item_id is None and not (
            resolved_in_its_words(self.record, motion) and not amendments_to(self.record, motion.id)
        ):
            return [
                Para(f"{intro} as follows:", keep_with_next=True),
                *wording_blocks(motion.preamble, motion.parts),
            ]
        return [Para(f"{intro}.")]

    def amendment(self, amendment: Motion, intro: str) -> list[Block]:
        lead = f"{intro} {decided.amendment_operation(amendment)}"
        if not amendment.parts:
            return [Para(f"{lead}.")]
        return [Para(f"{lead}:", keep_with_next=True), NumberedList(part_items(amendment.parts))]

    def voted(self, vote: VoteEvent) -> list[Block]:
        motion = self.record.motions[vote.motion_id]
        if motion.kind is MotionKind.MOTION and self.unnamed(motion):
            return []
        noun = self.noun(motion)
        blocks: list[Block] = []
        if noun == "substantive motion" and not resolved_in_its_words(self.record, motion):
            blocks.append(Para("The substantive motion read:", keep_with_next=True))
            blocks.extend(wording_blocks(motion.preamble, substantive_parts(self.record, motion)))
        texts = decided.vote_sentences(
            vote,
            self.persons,
            self.ctx.chair_title,
            self.ctx.chair_id,
            noun,
            rows_inline=not self.tables,
        )
        sentences: list[Block] = [Para(text, keep_with_next=text.endswith(":")) for text in texts]
        if self.tables and vote.method is VoteMethod.RECORDED and sentences:
            # The names as a table, after the sentence that introduces them.
            sentences.insert(1, decided.recorded_vote_table(vote, self.persons, noun))
        blocks.extend(sentences)
        if motion.excludes_item_id is not None and vote.result is VoteResult.FAIL:
            target = self.record.items[motion.excludes_item_id]
            consideration = f"the consideration of {self.ctx.reference(target)}"
            blocks.append(Para(decided.public_remained_sentence(consideration)))
        return blocks

    # -- the press and public --------------------------------------------------------------

    def exclusion_target(self, motion_or_event: Motion | ProceduralEvent) -> str:
        """ "for the following item of business (Minute 9)", "for this item of business"."""
        if isinstance(motion_or_event, Motion):
            target_id = motion_or_event.excludes_item_id
        else:
            target_id = exclusion_target(motion_or_event)
        target = self.record.items[target_id] if target_id is not None else None
        if target is None:
            return "for the following item of business"
        if self.where is not None and target.id == self.where.id:
            return "for this item of business"
        if target.minute_number is None:
            return f"for the item of business at agenda item {target.number}"
        reference = self.ctx.reference(target)
        if self.ctx.follows(self.where, target):
            return f"for the following item of business ({reference})"
        return f"for the item of business in {reference}"

    def excluded(self, entry: Entry, event: ProceduralEvent) -> list[Block]:
        target_id = exclusion_target(event)
        target = self.record.items.get(target_id) if target_id is not None else None
        paragraph = event.paragraph or (target.exempt_paragraph if target else None) or 0
        if entry.before_business and target is not None:
            where = f"the item in {self.ctx.reference(target)}"
            return [Para(wording.exclusion_sentence(where, paragraph))]
        return [
            Para("Resolved:", bold=True, keep_with_next=True),
            Para(decided.exclusion_resolution(self.exclusion_target(event), paragraph)),
        ]

    # -- the meeting's course --------------------------------------------------------------

    def event(self, entry: Entry, event: ProceduralEvent) -> list[Block]:
        kind = entry.kind
        if kind is EntryKind.PUBLIC_EXCLUDED:
            return self.excluded(entry, event)
        if kind is EntryKind.ADJOURNED:
            resumed = resumption(self.record, event)
            reason = "" if self.hidden else event.text
            at = resumed.at if resumed is not None else None
            return [Para(wording.adjournment_sentence(event.at, at, reason))]
        if kind is EntryKind.PUBLIC_READMITTED:
            return [Para(wording.readmission_sentence(event.at))]
        if kind is EntryKind.NOTE:
            return [Para(wording.note_sentence(event.at, event.text))]
        if kind is EntryKind.PRESIDING and event.person_id is not None:
            person = self.persons[event.person_id]
            if event.for_item_id is not None:
                title = self.ctx.role_title(event.person_id)
                return [Para(wording.presiding_for_item_sentence(person, title))]
            return [Para(wording.presiding_sentence(person))]
        if kind is EntryKind.CHAIR_RESUMED and event.person_id is not None:
            person = self.persons[event.person_id]
            title = self.ctx.role_title(event.person_id)
            return [Para(wording.chair_resumed_sentence(person, title))]
        return []  # a resumption is minuted with its adjournment

    def movement(self, entry: MovementEntry) -> str:
        item = self.record.items.get(entry.item_id) if entry.item_id is not None else None
        during = self.ctx.reference(item) if item is not None and item.minute_number else None
        return wording.movement_sentence(entry, self.persons[entry.person_id], during)
