"""The live dialogs: each builds one domain action and submits it through the controller.

A refused action keeps the dialog open with the domain's reason under the fields, so nothing
the clerk typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLineEdit, QMessageBox, QWidget

from clerk.domain.actions.declarations import DECLARING, Declare, DispenseAll, votes_cast
from clerk.domain.actions.motions import Amend, Move, Second
from clerk.domain.actions.proceedings import (
    ConfirmMinutes,
    ExcludePublic,
    MoveExclusion,
    Note,
    PublicSummary,
    ResumeChair,
    SetPresiding,
)
from clerk.domain.actions.tracker import AddAction, UpdateAction
from clerk.domain.entities import AgendaItem, Part
from clerk.domain.enums import (
    ActionStatus,
    AmendmentOp,
    InterestConduct,
    MotionKind,
    MotionOutcome,
    StandardItem,
)
from clerk.domain.names import display_name
from clerk.domain.record import MeetingRecord
from clerk.domain.rules.business import pending_motion as pending_motion  # re-exported
from clerk.domain.rules.eligibility import eligible_voters
from clerk.domain.rules.interests import categories
from clerk.domain.rules.motions import substantive_parts
from clerk.domain.rules.presence import is_present, item_presiding
from clerk.ui import labels
from clerk.ui.controller import MeetingController
from clerk.ui.forms import FormDialog, combo, date_edit, date_value, text_box
from clerk.ui.live.pickers import person_picker
from clerk.ui.models.agenda import item_heading
from clerk.ui.partstext import PartsTextError, parts_from_text, parts_to_text


def people_choices(record: MeetingRecord, ids: list[str], blank: str = "") -> list:
    choices = [(blank, None)] if blank else []
    return choices + [(display_name(record.person(p)), p) for p in ids]


def read_parts(box) -> tuple[tuple[Part, ...], str | None]:
    try:
        return parts_from_text(box.toPlainText()), None
    except PartsTextError as error:
        return (), str(error)


PARTS_HELP = (
    "One part per line. Lines starting 1., 2. … are numbered parts; a., b. … are lettered "
    "sub-parts of the part above. Numbers are set by position."
)


def declare_dialog(parent: QWidget, controller: MeetingController, item: AgendaItem) -> FormDialog:
    record = controller.record
    attending = [
        a.person_id
        for a in sorted(record.attendance.values(), key=lambda a: a.id)
        if a.status in DECLARING  # those the domain lets declare
    ]
    dialog = FormDialog("Declaration of interest", parent, "Record")
    default = item.id
    if item.standard is not StandardItem.BUSINESS:  # declared under "Declarations of Interest"
        business = [i.id for i in record.agenda() if i.standard is StandardItem.BUSINESS]
        later = [i for i in business if record.items[i].position > item.position]
        default = (later or business or [item.id])[0]
    on_item = dialog.add_row(
        "In &item:",
        combo([(item_heading(i), i.id) for i in record.agenda()], default),
        "The item the interest is in (a declaration is usually made under Declarations of "
        "Interest, for a later item)",
    )
    who = dialog.add_row("&Member:", person_picker(people_choices(record, attending)))
    kinds = categories(record.council)
    kind = dialog.add_row(
        "&Interest:",
        combo(
            [(labels.interest_label(c), c.key) for c in kinds],
            next(c.key for c in kinds if not c.pecuniary),
        ),
        "The kinds the council's code of conduct knows (a disclosable pecuniary interest "
        "is never assumed: choose it)",
    )
    nature = dialog.add_row(
        "&Nature:",
        QLineEdit(),
        "What the interest is, as minuted (optional); for a statement, what was said",
    )
    sensitive = dialog.add_row(
        "", QCheckBox("&Sensitive interest: minute the fact, not its nature")
    )
    reveals = dialog.add_row(
        "", QCheckBox("Nature &reveals exempt information (public minutes give the fact only)")
    )
    conduct = dialog.add_row(
        "&Conduct:",
        combo([("As the code requires", None)] + [(t, c) for c, t in labels.CONDUCT.items()]),
        "A disclosable pecuniary interest withdraws the member for the item unless a "
        "dispensation is recorded.",
    )
    dispensation = dialog.add_row("&Dispensation ref.:", QLineEdit())
    for_all = dialog.add_row(
        "",
        QCheckBox("A dispensation for &all members on this item (one statement; no member)"),
    )
    for_all.setAccessibleName("Dispensation for all members")

    def submit() -> str | None:
        if for_all.isChecked():
            return controller.submit(
                DispenseAll(item=on_item.currentData(), reference=dispensation.text().strip())
            )
        if who.currentData() is None:
            return "Choose the member declaring."
        chosen = next(c for c in kinds if c.key == kind.currentData())
        chosen_conduct = conduct.currentData()
        strike: bool | None = None
        if chosen.pecuniary and votes_cast(record, who.currentData(), on_item.currentData()):
            # The domain refuses a late declaration until the clerk says what was decided.
            answer = QMessageBox.question(
                dialog,
                "Declared after voting",
                f"{who.currentText()} has already voted on this item. Is their vote struck? "
                "(Yes: struck; No: it stands. The minutes record either.)",
                QMessageBox.StandardButton.Yes
                | QMessageBox.StandardButton.No
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return "Not recorded: say whether the vote is struck."
            strike = answer == QMessageBox.StandardButton.Yes
        return controller.submit(
            Declare(
                strike_vote=strike,
                person=who.currentData(),
                item=on_item.currentData(),
                category=chosen.key,
                nature=nature.text(),
                sensitive=sensitive.isChecked(),
                # The combo hands back the enum's text: the domain compares conducts by identity.
                conduct=None if chosen_conduct is None else InterestConduct(chosen_conduct),
                dispensation_ref=dispensation.text(),
                nature_exempt=reveals.isChecked(),
            )
        )

    dialog.submit = submit
    return dialog


def motion_dialog(parent: QWidget, controller: MeetingController, item: AgendaItem) -> FormDialog:
    """Move a motion; the wording starts from the officers' recommendations."""
    record = controller.record
    eligible = eligible_voters(record, item)
    dialog = FormDialog(f"Move a motion — {item_heading(item)}", parent, "Move")
    mover = dialog.add_row("&Mover:", person_picker(people_choices(record, eligible)))
    seconder = dialog.add_row(
        "&Seconder:", person_picker(people_choices(record, eligible, blank="(not yet seconded)"))
    )
    if len(eligible) > 1:
        seconder.setCurrentIndex(2)
    preamble = dialog.add_row(
        "&Preamble:", QLineEdit(), 'Words before the parts, e.g. "That the Cabinet be recommended:"'
    )
    wording = dialog.add_row(
        "&Wording:", text_box(8, parts_to_text(item.recommendations)), PARTS_HELP
    )
    budget = QCheckBox("A &budget or council tax decision (every vote on it by name)")
    budget.setAccessibleName("Budget decision")
    budget.setChecked(item.budget)
    budget.setEnabled(not item.budget)  # a budget item's motions are budget decisions anyway
    dialog.add_row("", budget)
    dialog.resize(760, dialog.sizeHint().height())

    def submit() -> str | None:
        parts, problem = read_parts(wording)
        if problem:
            return problem
        if mover.currentData() is None:
            return "Choose the mover (members present and eligible to vote)."
        return controller.submit(
            Move(
                item=item.id,
                mover=mover.currentData(),
                parts=parts,
                preamble=preamble.text().strip(),
                seconder=seconder.currentData(),
                budget=budget.isChecked() and not item.budget,
            )
        )

    dialog.submit = submit
    return dialog


def amendment_dialog(
    parent: QWidget, controller: MeetingController, item: AgendaItem, motion_id: int
) -> FormDialog:
    record = controller.record
    eligible = eligible_voters(record, item)
    motion = record.motion(motion_id)
    dialog = FormDialog(f"Amendment to motion {motion_id}", parent, "Move amendment")
    current = dialog.add_row("Motion as it stands:", text_box(5))
    current.setPlainText(parts_to_text(substantive_parts(record, motion)))
    current.setReadOnly(True)
    mover = dialog.add_row("&Mover:", person_picker(people_choices(record, eligible)))
    seconder = dialog.add_row(
        "&Seconder:", person_picker(people_choices(record, eligible, blank="(not yet seconded)"))
    )
    op = dialog.add_row("&Change:", combo([(t, o) for o, t in labels.AMENDMENT_OP.items()]))
    target = dialog.add_row("&Part:", QLineEdit(), "The part changed: 2, or 1.a")
    wording = dialog.add_row("&New wording:", text_box(5), PARTS_HELP)
    dialog.resize(760, dialog.sizeHint().height())

    def submit() -> str | None:
        parts, problem = read_parts(wording)
        if problem:
            return problem
        if mover.currentData() is None:
            return "Choose the mover of the amendment."
        return controller.submit(
            Amend(
                motion=motion_id,
                mover=mover.currentData(),
                op=AmendmentOp(op.currentData()),
                parts=parts,
                target_part=target.text().strip(),
                seconder=seconder.currentData(),
            )
        )

    dialog.submit = submit
    return dialog


def second_dialog(
    parent: QWidget, controller: MeetingController, item: AgendaItem, motion_id: int
) -> FormDialog:
    record = controller.record
    eligible = eligible_voters(record, item)
    dialog = FormDialog(f"Seconder of motion {motion_id}", parent, "Record seconder")
    seconder = dialog.add_row("&Seconder:", person_picker(people_choices(record, eligible)))

    def submit() -> str | None:
        if seconder.currentData() is None:
            return "Choose the seconder."
        return controller.submit(Second(motion_id, seconder.currentData()))

    dialog.submit = submit
    return dialog


def confirm_minutes_dialog(
    parent: QWidget, controller: MeetingController, item: AgendaItem, previous: date | None
) -> FormDialog:
    record = controller.record
    dialog = FormDialog("Confirm the minutes of the previous meeting", parent, "Confirm")
    held = dialog.add_row("Meeting &held on:", date_edit(previous))
    carried = [
        m
        for m in record.for_item("motions", item.id)
        if m.kind is MotionKind.MOTION and m.outcome is MotionOutcome.CARRIED
    ]
    subject = dialog.add_row(
        "&Subject to:",
        combo(
            [("no amendment moved here", None)]
            + [(f"motion {m.id} as carried (moved and voted above)", m.id) for m in carried],
            carried[-1].id if carried else None,
        ),
        "An amendment to the minutes moved and carried on this item, minuted before",
    )
    amendment = dialog.add_row(
        "&Amendment:",
        text_box(3),
        "Or the amendment's words, when it was not moved as a motion",
    )
    confirming = dialog.add_row(
        "Confirmed on &motion:",
        combo(
            [("none: confirmed without a motion, or subject to an amendment", None)]
            + [(f"motion {m.id}: the confirmation itself (amends nothing)", m.id) for m in carried],
            None,
        ),
        "A motion moved and carried on this item to confirm the minutes as they stand: the "
        "minutes name its proposer and seconder in the confirmation",
    )

    def submit() -> str | None:
        confirmed_on = confirming.currentData()
        motion = subject.currentData()
        if confirmed_on is not None and motion == confirmed_on:
            motion = None  # the motion confirmed the minutes: it amended nothing
        return controller.submit(
            ConfirmMinutes(
                item.id,
                date_value(held),
                amendment.toPlainText().strip(),
                motion=motion,
                confirmed_on=confirmed_on,
            )
        )

    dialog.submit = submit
    return dialog


def action_dialog(parent: QWidget, controller: MeetingController, item: AgendaItem) -> FormDialog:
    record = controller.record
    dialog = FormDialog(f"Action — {item_heading(item)}", parent, "Add action")
    sources: list = [("(type the action)", None)]
    for resolution in record.for_item("resolutions", item.id):
        for number, part in enumerate(resolution.parts, start=1):
            sources.append((f"Resolution part {number}: {part.text[:60]}", part))
    source = dialog.add_row("&From:", combo(sources), "Start from a part of the resolution")
    text = dialog.add_row("&Action:", text_box(5), PARTS_HELP)
    owner = dialog.add_row("&Owner:", QLineEdit(), "Who does it, e.g. Democratic Services")
    due = dialog.add_row("&Due:", date_edit(optional=True))
    comment = dialog.add_row("&Comment:", QLineEdit())
    dialog.resize(760, dialog.sizeHint().height())

    def follow_source() -> None:
        part = source.currentData()
        if part is not None:
            text.setPlainText(parts_to_text((part,)))

    source.currentIndexChanged.connect(follow_source)

    def submit() -> str | None:
        parts, problem = read_parts(text)
        if problem:
            return problem
        if len(parts) != 1:
            return "An action is one numbered part (with lettered sub-parts if needed)."
        return controller.submit(
            AddAction(
                item=item.id,
                text=parts[0],
                owner=owner.text().strip(),
                due=date_value(due, optional=True),
                comment=comment.text().strip(),
            )
        )

    dialog.submit = submit
    return dialog


def update_action_dialog(
    parent: QWidget, controller: MeetingController, action_id: int, today: date
) -> FormDialog:
    action = controller.record.action(action_id)
    dialog = FormDialog(f"Update action {action_id}", parent, "Update")
    status = dialog.add_row(
        "&Status:", combo([(t, s) for s, t in labels.ACTION_STATUS.items()], action.status)
    )
    comment = dialog.add_row(
        "&Comment:", QLineEdit(), 'As the tracker shows it, e.g. "Complete – emailed 20/8/21"'
    )
    on = dialog.add_row("&Date:", date_edit(today))

    def submit() -> str | None:
        return controller.submit(
            UpdateAction(
                action_id=action_id,
                comment=comment.text(),
                status=ActionStatus(status.currentData()),
                on=date_value(on),
            )
        )

    dialog.submit = submit
    return dialog


def public_summary_dialog(
    parent: QWidget, controller: MeetingController, item: AgendaItem
) -> FormDialog:
    dialog = FormDialog(f"Public summary — {item_heading(item)}", parent, "Save")
    text = dialog.add_row(
        "&Summary:",
        text_box(5, item.public_summary),
        "What the public minutes say about this exempt item",
    )

    def submit() -> str | None:
        return controller.submit(PublicSummary(item.id, text.toPlainText()))

    dialog.submit = submit
    return dialog


def exclude_dialog(
    parent: QWidget,
    controller: MeetingController,
    item: AgendaItem | None,
    on_moved: Callable[[int], None] | None = None,
) -> FormDialog:
    """The exclusion resolution, for an exempt item; with a mover, a motion to vote on."""
    record = controller.record
    dialog = FormDialog("Exclude the press and public", parent, "Exclude")
    # Only an exempt item can be taken in private; if none is marked, the refusal says why.
    exempt = [i for i in record.agenda() if i.exempt_paragraph is not None] or record.agenda()
    items = dialog.add_row(
        "For &item:", combo([(item_heading(i), i.id) for i in exempt], item and item.id)
    )
    paragraph = dialog.add_row(
        "Schedule 12A &paragraph:",
        combo([(labels.paragraph_choice(n), n) for n in labels.SCHEDULE_12A]),
    )

    def follow_item() -> None:
        chosen = record.items.get(items.currentData())
        if chosen is not None and chosen.exempt_paragraph is not None:
            paragraph.setCurrentIndex(paragraph.findData(chosen.exempt_paragraph))

    items.currentIndexChanged.connect(follow_item)
    follow_item()
    current = record.current_item()
    voters = eligible_voters(record, current) if current is not None else []
    mover = dialog.add_row(
        "&Moved by:",
        person_picker(people_choices(record, voters, blank="(resolved without a motion)")),
        "With a mover, the motion is put to the vote: carried, the press and public leave",
    )
    seconder = dialog.add_row(
        "&Seconded by:", person_picker(people_choices(record, voters, blank="(not seconded)"))
    )

    def submit() -> str | None:
        if mover.currentData() is None:
            return controller.submit(ExcludePublic(items.currentData(), paragraph.currentData()))
        moved = MoveExclusion(items.currentData(), mover.currentData(), seconder.currentData())
        problem = controller.submit(moved)
        if problem is None and on_moved is not None:
            on_moved(max(controller.record.motions))
        return problem

    dialog.submit = submit
    return dialog


def note_dialog(parent: QWidget, controller: MeetingController) -> FormDialog:
    dialog = FormDialog("Timed note", parent, "Add note")
    text = dialog.add_row("&Note:", text_box(3), "Stamped with the time and the item under way")

    def submit() -> str | None:
        return controller.submit(Note(text.toPlainText()))

    dialog.submit = submit
    return dialog


def presiding_dialog(parent: QWidget, controller: MeetingController) -> FormDialog:
    record = controller.record
    present = [a.person_id for a in record.attendance.values() if is_present(record, a.person_id)]
    dialog = FormDialog("Who presides", parent, "Record")
    who = dialog.add_row(
        "&Presiding:",
        person_picker(people_choices(record, present), record.meeting.presiding_id),
        "The person presiding holds the casting vote",
    )
    item_only = dialog.add_row(
        "",
        QCheckBox("For the item under &way only (the chair resumes at the next item)"),
    )
    item_only.setEnabled(record.meeting.current_item_id is not None)
    resumes = dialog.add_row("", QCheckBox("The Chair &resumes the chair for the item under way"))
    resumes.setAccessibleName("The Chair resumes")
    current = record.meeting.current_item_id
    resumes.setEnabled(current is not None and item_presiding(record, current) is not None)

    def submit() -> str | None:
        if resumes.isChecked():
            return controller.submit(ResumeChair())
        if who.currentData() is None:
            return "Choose who presides."
        return controller.submit(SetPresiding(who.currentData(), for_item=item_only.isChecked()))

    dialog.submit = submit
    return dialog
