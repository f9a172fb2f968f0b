"""The minutes' lifecycle, step by step, and every step taken out of order refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from clerk.domain.actions import Action
from clerk.domain.actions.attendance import Present
from clerk.domain.actions.proceedings import AddParagraph, EditParagraph
from clerk.domain.actions.tracker import UpdateAction
from clerk.domain.entities import SignoffStep
from clerk.domain.enums import SigningMode, SignoffStepKind
from clerk.domain.errors import RuleViolation
from clerk.domain.signoff.lifecycle import MinutesStage
from clerk.services import signoff
from clerk.services.recording import MeetingSession
from clerk.storage import repository as repo
from clerk.storage.database import Database
from tests.signoff.helpers import AUGUST, SEPTEMBER, approved, confirmed, under_way


def stage(database: Database, meeting_id: int = AUGUST) -> MinutesStage:
    return signoff.status(database, meeting_id).stage


def test_every_step_from_draft_to_signed_records_who_and_when(demo_database: Database) -> None:
    current = signoff.status(demo_database, AUGUST)
    assert current.stage is MinutesStage.DRAFT
    assert current.next is not None and current.next.step == "circulate"
    assert current.next.command == "clerk circulate 1"
    assert current.allowed == ("circulate",)
    assert not current.locked

    signoff.circulate(demo_database, AUGUST, on=date(2021, 8, 19))
    assert stage(demo_database) is MinutesStage.CIRCULATED
    signoff.approve(demo_database, AUGUST, on=date(2021, 8, 23))
    current = signoff.status(demo_database, AUGUST)
    assert current.stage is MinutesStage.APPROVED and current.locked
    assert current.next is not None and current.next.command == "clerk confirm 1 --at 2"
    assert current.confirming_meeting == (2, "cyp-scrutiny-board/2021-09-20")

    under_way(demo_database, SEPTEMBER)
    signoff.confirm(demo_database, AUGUST, SEPTEMBER)
    assert stage(demo_database) is MinutesStage.CONFIRMED
    signoff.sign_wet_ink(demo_database, AUGUST, pages=(5, 7), on=date(2021, 9, 20))
    current = signoff.status(demo_database, AUGUST)
    assert current.stage is MinutesStage.SIGNED
    assert current.next is not None and current.next.step == "attach"

    texts = [s.text for s in current.steps]
    assert texts == [
        "Circulated to Councillor Bye on 19 August 2021.",
        "Approved by Councillor Bye on 23 August 2021"
        f" (record {_step(demo_database, SignoffStepKind.APPROVED).chain_head[:12]}).",
        "Confirmed as a correct record at the meeting of 20 September 2021 (Minute 19/9/21).",
        "Signed in ink by Councillor Bye on 20 September 2021 (minute-book pages 5 to 7; "
        f"record {_step(demo_database, SignoffStepKind.SIGNED).chain_head[:12]}).",
    ]
    assert {s.recorded_by for s in current.steps} == {"test-clerk"}
    assert all(s.recorded_at is not None for s in current.steps)
    assert current.problems == ()


def _step(database: Database, kind: SignoffStepKind) -> SignoffStep:
    with database.reading() as conn:
        record, _ = repo.load_record(conn, AUGUST)
    return next(s for s in record.signoff.values() if s.step is kind)


def test_approval_and_signing_pin_the_journal_head(demo_database: Database) -> None:
    approved(demo_database)
    with demo_database.reading() as conn:
        entries = repo.load_journal(conn, AUGUST)
    approval = _step(demo_database, SignoffStepKind.APPROVED)
    assert entries[-1].kind == "approve"
    assert approval.chain_head == entries[-2].hash == entries[-1].prev_hash


def test_circulating_before_the_meeting_ends_is_refused(demo_database: Database) -> None:
    with pytest.raises(RuleViolation, match="the meeting of 20 September 2021 has not ended"):
        signoff.circulate(demo_database, SEPTEMBER)


def test_approving_before_circulation_is_refused(demo_database: Database) -> None:
    with pytest.raises(
        RuleViolation,
        match="cannot approve the minutes of 18 August 2021 yet: they have not been "
        "circulated to the Chairman",
    ):
        signoff.approve(demo_database, AUGUST)


def test_signing_before_approval_is_refused(demo_database: Database) -> None:
    with pytest.raises(
        RuleViolation,
        match=r"cannot sign the minutes of 18 August 2021 yet: they have not been approved by "
        r"the Chairman \(they are still a draft\)",
    ):
        signoff.sign_wet_ink(demo_database, AUGUST)
    signoff.circulate(demo_database, AUGUST)
    with pytest.raises(RuleViolation, match="have not been approved by the Chairman"):
        signoff.sign_wet_ink(demo_database, AUGUST)


def test_signing_before_confirmation_is_refused(demo_database: Database) -> None:
    approved(demo_database)
    with pytest.raises(
        RuleViolation,
        match="cannot sign the minutes of 18 August 2021 yet: they have not been confirmed "
        "as a correct record by the next suitable meeting",
    ):
        signoff.sign_wet_ink(demo_database, AUGUST)


def test_confirming_before_approval_is_refused_and_changes_nothing(
    demo_database: Database,
) -> None:
    signoff.circulate(demo_database, AUGUST)
    session = under_way(demo_database, SEPTEMBER)
    before = dict(session.record.paragraphs)
    with pytest.raises(
        RuleViolation,
        match="cannot confirm the minutes of 18 August 2021 yet: they have not been approved",
    ):
        signoff.confirm(demo_database, AUGUST, SEPTEMBER)
    after = MeetingSession(demo_database, SEPTEMBER)
    assert after.record.paragraphs == before
    assert not after.record.actions
    assert stage(demo_database) is MinutesStage.CIRCULATED


def test_steps_already_taken_are_refused(demo_database: Database) -> None:
    confirmed(demo_database)
    with pytest.raises(RuleViolation, match=r"cannot approve .* are already confirmed"):
        signoff.approve(demo_database, AUGUST)
    with pytest.raises(RuleViolation, match=r"cannot circulate .* are already confirmed"):
        signoff.circulate(demo_database, AUGUST)
    signoff.sign_wet_ink(demo_database, AUGUST)
    with pytest.raises(RuleViolation, match=r"cannot sign .* are already signed"):
        signoff.sign_wet_ink(demo_database, AUGUST)


def test_circulating_again_after_changes_is_allowed(demo_database: Database) -> None:
    signoff.circulate(demo_database, AUGUST, on=date(2021, 8, 19))
    session = MeetingSession(demo_database, AUGUST)
    session.apply(EditParagraph(paragraph=1, text="A corrected first paragraph."))
    signoff.circulate(demo_database, AUGUST, on=date(2021, 8, 20))
    steps = [s.step for s in signoff.status(demo_database, AUGUST).steps]
    assert steps == [SignoffStepKind.CIRCULATED, SignoffStepKind.CIRCULATED]


@pytest.mark.parametrize(
    "action",
    [
        EditParagraph(paragraph=1, text="Quietly changed."),
        AddParagraph(item=5, text="An afterthought."),
        UpdateAction(action_id=1, comment="Done.", status=None),
        Present("mills"),
    ],
    ids=["edit_paragraph", "add_paragraph", "update_action", "present"],
)
def test_every_edit_after_approval_is_refused(demo_database: Database, action: Action) -> None:
    approved(demo_database)
    session = MeetingSession(demo_database, AUGUST)
    before = session.record.snapshot()
    with pytest.raises(
        RuleViolation,
        match=r"The minutes of 18 August 2021 were approved by Councillor Bye on 23 August 2021 "
        r"and are locked: '.*' cannot be recorded",
    ):
        session.apply(action)
    assert session.record.snapshot() == before
    assert session.lock_reason is not None


def test_undo_and_redo_after_approval_are_refused(demo_database: Database) -> None:
    signoff.circulate(demo_database, AUGUST)
    session = MeetingSession(demo_database, AUGUST)
    session.apply(EditParagraph(paragraph=1, text="Changed while circulated."))
    assert session.can_undo
    signoff.approve(demo_database, AUGUST)
    session = MeetingSession(demo_database, AUGUST)
    assert not session.can_undo
    with pytest.raises(RuleViolation, match="are locked: nothing can be undone or redone"):
        session.undo()
    with pytest.raises(RuleViolation, match="are locked: nothing can be undone or redone"):
        session.redo()


def test_undo_does_not_reach_back_past_a_signoff_step(demo_database: Database) -> None:
    session = MeetingSession(demo_database, AUGUST)
    assert session.can_undo  # the tracker updates after the meeting
    signoff.circulate(demo_database, AUGUST)
    session = MeetingSession(demo_database, AUGUST)
    assert not session.can_undo
    with pytest.raises(RuleViolation, match="There is nothing to undo"):
        session.undo()


def test_wet_ink_and_digital_steps_follow_the_council_profile(demo_database: Database) -> None:
    confirmed(demo_database)
    signoff.set_signing_mode(demo_database, SigningMode.DIGITAL)
    with pytest.raises(RuleViolation, match=r"signs minutes digitally .* not in wet ink"):
        signoff.sign_wet_ink(demo_database, AUGUST)
    following = signoff.status(demo_database, AUGUST).next
    assert following is not None and following.command.startswith("clerk sign 1 --p12")


def test_a_scanned_copy_is_kept_with_its_hash(demo_database: Database, tmp_path: Path) -> None:
    confirmed(demo_database)
    scan = tmp_path / "signed-scan.pdf"
    scan.write_bytes(b"%PDF-1.4 pretend scan of the signed pages")
    signoff.sign_wet_ink(demo_database, AUGUST, scan=scan)
    (kept,) = signoff.signed_copies(demo_database, AUGUST)
    assert kept.file_name == "signed-scan.pdf"
    assert signoff.attachment_content(demo_database, kept.id) == scan.read_bytes()
    attached = _step(demo_database, SignoffStepKind.COPY_ATTACHED)
    assert attached.sha256 == kept.sha256
    current = signoff.status(demo_database, AUGUST)
    assert current.next is None
    assert current.steps[-1].text.startswith("Signed copy signed-scan.pdf attached on ")
