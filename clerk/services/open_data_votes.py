"""Motions and vote events as Popolo / Open Civic Data objects (public business only).

Kept apart from the rest of the export on purpose: how votes are recorded is the part of the
record most likely to grow (declared results, absent and excluded members), and this is the
one place that turns them into open data.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from clerk.domain.entities import Motion, Part, VoteChoice, VoteEvent
from clerk.domain.enums import VoteMethod, VoteOption
from clerk.domain.names import display_name
from clerk.domain.publication import public_motions, public_votes
from clerk.domain.record import MeetingRecord

#: Clerk's motion outcomes in the words Popolo uses for a motion's result.
RESULTS = {"carried": "pass", "lost": "fail"}
#: A recorded vote's options in Open Civic Data's words (it has no "excluded from voting":
#: "other", with the reason in the vote's note).
OPTIONS = {
    VoteOption.YES: "yes",
    VoteOption.NO: "no",
    VoteOption.ABSTAIN: "abstain",
    VoteOption.ABSENT: "absent",
    VoteOption.NOT_VOTING: "not voting",
    VoteOption.EXCLUDED: "other",
}
#: The options a vote's own counts carry.
COUNTED = (VoteOption.YES, VoteOption.NO, VoteOption.ABSTAIN)


def _parts_text(parts: tuple[Part, ...], prefix: str = "") -> list[str]:
    lines = []
    for index, part in enumerate(parts, start=1):
        label = f"{prefix}{index}." if not prefix else f"{prefix}{chr(96 + index)}."
        lines.append(f"{label} {part.text}")
        lines += _parts_text(part.parts, prefix=f"{index}")
    return lines


def motion_text(motion: Motion) -> str:
    lines = [motion.preamble] if motion.preamble else []
    return "\n".join(lines + _parts_text(motion.parts)) or motion.kind.value


def motion_id(event_id: str, motion: Motion) -> str:
    return f"{event_id.replace('event/', 'motion/', 1)}/{motion.id}"


def motions(record: MeetingRecord, event_id: str, org_id: str, person: Any) -> list[dict[str, Any]]:
    found = []
    for motion in public_motions(record):
        item = record.items[motion.item_id]
        body: dict[str, Any] = {
            "id": motion_id(event_id, motion),
            "organization_id": org_id,
            "legislative_session_id": event_id,
            "creator_id": person(motion.mover_id),
            "text": motion_text(motion),
            "classification": motion.kind.value,
            "result": motion.outcome.value,
            "extras": {"agenda_item": item.number, "event_id": event_id},
        }
        if motion.seconder_id:
            body["extras"]["seconder_id"] = person(motion.seconder_id)
        if motion.amends_id is not None:
            body["extras"]["amends_id"] = (
                f"{motion_id(event_id, motion)[: -len(str(motion.id))]}{motion.amends_id}"
            )
        found.append(body)
    return found


def vote_events(
    record: MeetingRecord, event_id: str, org_id: str, person: Any
) -> list[dict[str, Any]]:
    found = []
    for vote in public_votes(record):
        motion = record.motion(vote.motion_id)
        found.append(_vote_event(record, vote, motion, event_id, org_id, person))
    return found


def vote_event_id(event_id: str, vote: VoteEvent) -> str:
    return f"{event_id.replace('event/', 'vote-event/', 1)}/{vote.id}"


def _vote_event(
    record: MeetingRecord, vote: VoteEvent, motion: Motion, event_id: str, org_id: str, person: Any
) -> dict[str, Any]:
    item = record.items[motion.item_id]
    body: dict[str, Any] = {
        "id": vote_event_id(event_id, vote),
        "identifier": f"{record.reference} vote {vote.id}",
        "organization_id": org_id,
        "legislative_session_id": event_id,
        "motion_id": motion_id(event_id, motion),
        "motion_text": motion_text(motion),
        "motion_classification": [motion.kind.value],
        "start_date": record.meeting.date.isoformat(),
        "result": vote.result.value,
        "extras": {"method": vote.method.value, "agenda_item": item.number, "event_id": event_id},
    }
    if vote.counted:
        body["counts"] = [
            {"option": "yes", "value": vote.yes},
            {"option": "no", "value": vote.no},
            {"option": "abstain", "value": vote.abstain},
        ]
        # A recorded vote's other rows: those absent, not voting, excluded from voting.
        others = Counter(OPTIONS[c.option] for c in vote.choices if c.option not in COUNTED)
        body["counts"] += [{"option": o, "value": n} for o, n in sorted(others.items())]
    elif vote.method is not VoteMethod.ASSENT:
        body["extras"]["declared_without_count"] = True
    if vote.choices:
        body["votes"] = [_vote(record, choice, person) for choice in vote.choices]
    if vote.casting_by and vote.casting_option is not None:
        body["extras"]["casting_vote"] = {
            "voter_id": person(vote.casting_by),
            "option": vote.casting_option.value,
        }
    return body


def _vote(record: MeetingRecord, choice: VoteChoice, person: Any) -> dict[str, Any]:
    body = {
        "voter_id": person(choice.person_id),
        "voter_name": display_name(record.person(choice.person_id)),
        "option": OPTIONS[choice.option],
    }
    reason = choice.reason.strip()
    if choice.option is VoteOption.EXCLUDED:
        body["note"] = f"excluded from voting ({reason})" if reason else "excluded from voting"
    elif reason:
        body["note"] = reason
    return body


def motion_text_of_parts(preamble: str, parts: tuple[Part, ...]) -> str:
    """A resolution's words on one line: the preamble, then its numbered parts."""
    return " ".join([preamble, *_parts_text(parts)]).strip()
