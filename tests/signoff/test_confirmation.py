"""Confirmation at the next suitable meeting: the right meeting, corrections, carry-forward."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from clerk.domain.actions.proceedings import CloseMeeting, ConfirmMinutes
from clerk.domain.actions.tracker import UpdateAction
from clerk.domain.enums import ActionStatus, MeetingKind, MeetingStatus
from clerk.domain.errors import RuleViolation
from clerk.domain.signoff.confirmation import (
    Correction,
    MeetingFacts,
    next_suitable_meeting,
    parse_carried_from,
)
from clerk.domain.signoff.lifecycle import MinutesStage
from clerk.services import catalogue, setup, signoff
from clerk.services.recording import MeetingSession
from clerk.services.replay import replay
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.signoff.helpers import (
    AUGUST,
    BOARD,
    SEPTEMBER,
    approved,
    extra_meeting,
    under_way,
)


def test_the_demo_september_meeting_confirms_august_and_carries_the_open_action(
    demo_database: Database,
) -> None:
    approved(demo_database)
    under_way(demo_database, SEPTEMBER)
    signoff.confirm(demo_database, AUGUST, SEPTEMBER)

    september = MeetingSession(demo_database, SEPTEMBER).record
    minutes_item = september.items[2]
    assert minutes_item.confirms_meeting == "2021-08-18"
    assert [p.text for p in september.paragraphs_for(2)] == [
        "The Minutes of the meeting of the Board held on 18 August 2021 were confirmed as a "
        "correct record and signed by the Chairman."
    ]
    # Action 1 (six-monthly updates) was in progress: carried; action 2 was complete: not.
    (carried,) = september.actions.values()
    tracker = september.items[carried.item_id]
    assert tracker.title == "Children and Young People's Overview and Scrutiny Board Action Tracker"
    assert carried.text.text == "the Board to receive six monthly updates exploitation to include:"
    assert carried.status is ActionStatus.IN_PROGRESS
    assert [c.text for c in carried.comments] == ["Added to work programme."]
    origin = parse_carried_from(carried.carried_from)
    assert origin is not None
    assert (origin.committee, origin.date, origin.minute, origin.action_id) == (
        BOARD,
        date(2021, 8, 18),
        17,
        1,
    )
    assert signoff.status(demo_database, AUGUST).stage is MinutesStage.CONFIRMED


def test_an_update_on_the_carried_action_adds_a_dated_comment(demo_database: Database) -> None:
    approved(demo_database)
    session = under_way(demo_database, SEPTEMBER)
    signoff.confirm(demo_database, AUGUST, SEPTEMBER)
    session.reload()
    (carried_id,) = session.record.actions
    session.apply(
        UpdateAction(
            action_id=carried_id,
            comment="First update due March 2022.",
            status=ActionStatus.IN_PROGRESS,
            on=date(2021, 9, 20),
        )
    )
    comments = session.record.actions[carried_id].comments
    assert [(c.on, c.text) for c in comments] == [
        (date(2021, 8, 19), "Added to work programme."),
        (date(2021, 9, 20), "First update due March 2022."),
    ]


def test_confirming_through_a_replayed_script_is_linked_too(demo_database: Database) -> None:
    approved(demo_database)
    session = MeetingSession(demo_database, SEPTEMBER)
    script = (
        '{"action": "present", "person": "bye"}\n'
        '{"action": "present", "person": "barnby"}\n'
        '{"action": "present", "person": "mills"}\n'
        '{"action": "start", "at": "09:30"}\n'
        '{"action": "open_item", "item": 2, "at": "09:31"}\n'
        '{"action": "confirm_minutes", "item": 2, "meeting_date": "2021-08-18"}\n'
    )
    replay(session, script, source="september.jsonl")
    assert signoff.status(demo_database, AUGUST).stage is MinutesStage.CONFIRMED
    assert len(session.record.actions) == 1
    # The confirmation is part of August's sign-off now: it cannot be undone at September.
    assert not session.can_undo


def test_a_correction_is_tracked_and_appears_in_the_confirming_minutes(
    demo_database: Database,
) -> None:
    approved(demo_database)
    under_way(demo_database, SEPTEMBER)
    august = MeetingSession(demo_database, AUGUST).record
    (first, second) = august.paragraphs_for(6)[:2]
    corrected = second.text.replace("133 people", "134 people")
    signoff.confirm(
        demo_database, AUGUST, SEPTEMBER, corrections=[Correction(second.id, corrected)]
    )
    august = MeetingSession(demo_database, AUGUST).record
    assert august.paragraphs[second.id].text == corrected
    assert august.paragraphs[first.id] == first
    september = MeetingSession(demo_database, SEPTEMBER).record
    (sentence,) = [p.text for p in september.paragraphs_for(2)]
    assert sentence == (
        "The Minutes of the meeting of the Board held on 18 August 2021 were confirmed as a "
        "correct record, subject to the following amendment, and signed by the Chairman: "
        f'Minute 17/8/21, second paragraph, to read: "{corrected}"'
    )
    with demo_database.reading() as conn:
        entry = repo.load_journal(conn, AUGUST)[-1]
    assert entry.kind == "record_confirmation"
    before, after = entry.changes["paragraphs"][str(second.id)]
    assert (before["text"], after["text"]) == (second.text, corrected)
    current = signoff.status(demo_database, AUGUST)
    assert "subject to an amendment: Minute 17/8/21, second paragraph" in current.steps[-1].text
    assert current.problems == ()


def test_an_amendment_in_words_only_is_recorded(demo_database: Database) -> None:
    approved(demo_database)
    under_way(demo_database, SEPTEMBER)
    signoff.confirm(
        demo_database, AUGUST, SEPTEMBER, amendment="Councillor Loxton's name to be added."
    )
    september = MeetingSession(demo_database, SEPTEMBER).record
    assert september.paragraphs_for(2)[0].text.endswith(
        "subject to the following amendment, and signed by the Chairman: "
        "Councillor Loxton's name to be added."
    )


def test_confirming_at_a_later_meeting_than_the_next_suitable_one_is_refused(
    demo_database: Database,
) -> None:
    approved(demo_database)
    october = extra_meeting(demo_database, date(2021, 10, 18))
    under_way(demo_database, october)
    with pytest.raises(
        RuleViolation,
        match="The minutes of 18 August 2021 are to be confirmed at the next suitable meeting, "
        "not at the meeting of 18 October 2021: the next suitable meeting is "
        r"20 September 2021 \(meeting 2\)",
    ):
        signoff.confirm(demo_database, AUGUST, october)
    assert MeetingSession(demo_database, october).record.paragraphs == {}


def test_an_extraordinary_meeting_does_not_confirm_minutes(demo_database: Database) -> None:
    approved(demo_database)
    extraordinary = extra_meeting(demo_database, date(2021, 9, 1), MeetingKind.EXTRAORDINARY)
    under_way(demo_database, extraordinary)
    with pytest.raises(
        RuleViolation,
        match="The meeting of 1 September 2021 is an extraordinary meeting, and under Torbay "
        "Council's profile an extraordinary meeting does not confirm minutes: the next "
        r"suitable meeting is 20 September 2021 \(meeting 2\)",
    ):
        signoff.confirm(demo_database, AUGUST, extraordinary)
    assert signoff.status(demo_database, AUGUST).stage is MinutesStage.APPROVED


def test_the_profile_can_let_an_extraordinary_meeting_confirm(demo_database: Database) -> None:
    council = catalogue.council(demo_database)
    assert council is not None
    setup.save_council(demo_database, replace(council, extraordinary_confirms_minutes=True))
    approved(demo_database)
    extraordinary = extra_meeting(demo_database, date(2021, 9, 1), MeetingKind.EXTRAORDINARY)
    under_way(demo_database, extraordinary)
    # September is no longer the next suitable meeting: the extraordinary one is.
    with pytest.raises(RuleViolation, match="next suitable meeting is 1 September 2021"):
        signoff.confirm(demo_database, AUGUST, SEPTEMBER)
    signoff.confirm(demo_database, AUGUST, extraordinary)
    assert signoff.status(demo_database, AUGUST).stage is MinutesStage.CONFIRMED


def test_a_suitable_meeting_that_closed_without_confirming_has_passed(
    demo_database: Database,
) -> None:
    approved(demo_database)
    session = under_way(demo_database, SEPTEMBER)
    session.apply(CloseMeeting())
    october = extra_meeting(demo_database, date(2021, 10, 18))
    under_way(demo_database, october)
    signoff.confirm(demo_database, AUGUST, october)
    assert signoff.status(demo_database, AUGUST).stage is MinutesStage.CONFIRMED


def test_confirming_at_an_earlier_meeting_or_another_committee_is_refused(
    demo_database: Database,
) -> None:
    approved(demo_database)
    july = extra_meeting(demo_database, date(2021, 7, 27))
    under_way(demo_database, july, present=("bye", "barnby", "loxton"))
    with pytest.raises(RuleViolation, match="Only the minutes of an earlier meeting"):
        signoff.confirm(demo_database, AUGUST, july)
    committee = catalogue.committee(demo_database, BOARD)
    setup.save_committee(demo_database, replace(committee, slug="other-board", name="Other Board"))
    other = setup.create_meeting(demo_database, "other-board", date(2021, 9, 21))
    with pytest.raises(RuleViolation, match="can only be confirmed by a meeting of the Children"):
        signoff.confirm(demo_database, AUGUST, other)


def test_a_confirmation_of_minutes_not_in_clerk_is_just_the_paragraph(
    demo_database: Database,
) -> None:
    """The demo's August meeting confirmed the July minutes, which are not in Clerk."""
    august = MeetingSession(demo_database, AUGUST).record
    assert august.items[2].confirms_meeting == "2021-07-27"
    session = under_way(demo_database, SEPTEMBER)
    with pytest.raises(RuleViolation, match="not in Clerk, so its minutes cannot be corrected"):
        session.apply(
            ConfirmMinutes(
                item=2,
                meeting_date=date(2021, 7, 1),
                amendment="x",
                corrections=(Correction(1, "y"),),
            )
        )


def test_next_suitable_meeting_rule() -> None:
    from clerk.services.demo import load_setup

    council = load_setup().council

    def meeting(
        n: int, day: int, month: int, kind: MeetingKind, status: MeetingStatus
    ) -> MeetingFacts:
        return MeetingFacts(n, BOARD, date(2021, month, day), kind, status)

    minuted = meeting(1, 18, 8, MeetingKind.ORDINARY, MeetingStatus.CLOSED)
    others = [
        minuted,
        meeting(2, 1, 9, MeetingKind.EXTRAORDINARY, MeetingStatus.SCHEDULED),
        meeting(3, 10, 9, MeetingKind.ORDINARY, MeetingStatus.CLOSED),
        meeting(4, 20, 9, MeetingKind.BUDGET, MeetingStatus.SCHEDULED),
        meeting(5, 18, 10, MeetingKind.ORDINARY, MeetingStatus.SCHEDULED),
    ]
    found = next_suitable_meeting(minuted, others, council)
    assert found is not None and found.id == 4
    lenient = replace(council, extraordinary_confirms_minutes=True)
    found = next_suitable_meeting(minuted, others, lenient)
    assert found is not None and found.id == 2
    assert next_suitable_meeting(others[-1], others, council) is None
