"""The council profile: name, code of conduct, signatory, minute numbering, naming movers,
agenda wording."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from clerk.documents.house_style import house_style_preview
from clerk.domain.entities import AgendaWording, CouncilProfile, HouseStyle
from clerk.domain.enums import (
    CodeOfConduct,
    MoverNaming,
    SigningMode,
    StartTimePlacement,
    SubstitutionWording,
)
from clerk.domain.errors import ClerkError
from clerk.domain.rules import interests
from clerk.services import catalogue, setup
from clerk.storage.database import Database
from clerk.ui import labels
from clerk.ui.forms import FormDialog, combo, text_box


def council_dialog(
    parent: QWidget, database: Database, saved: Callable[[], None] = lambda: None
) -> FormDialog:
    known = catalogue.council(database)
    # A new council is offered "Councillor" for one; one set up before the choice keeps the
    # plural it printed.
    council = known or CouncilProfile(name="", house_style=HouseStyle(also_plural_for_one=False))
    dialog = FormDialog("Council profile", parent, "Save")
    # Three pages, so the dialog fits a council laptop's 768-pixel screen.
    pages = QTabWidget()
    pages.setAccessibleName("Council profile pages")
    dialog.layout().insertWidget(0, pages)
    dialog.setMinimumWidth(760)

    def page(title: str) -> None:
        body = QWidget()
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        pages.addTab(body, title)
        dialog.form = form

    page("Council")
    name = dialog.add_row("&Council:", QLineEdit(council.name), "For example: Torbay Council")
    code = dialog.add_row(
        "Code of &conduct:",
        combo([(t, c) for c, t in labels.CODE_OF_CONDUCT.items()], council.code_of_conduct),
        "Which interests members can declare",
    )
    categories = dialog.add_row(
        "Interest categories (&k):",
        text_box(4, interests.categories_text(council)),
        "One a line: key | wording | plural | consequence (stays, speaks then leaves, leaves, "
        "or pecuniary (leaves unless dispensed)). Rename or add a category here.",
    )

    def code_changed() -> None:
        # The new code's own categories, unless the council had its own.
        shown = categories.toPlainText().strip()
        for known in CodeOfConduct:
            default = replace(council, code_of_conduct=known, interest_categories=())
            if shown == interests.categories_text(default):
                chosen = replace(
                    council,
                    code_of_conduct=CodeOfConduct(code.currentData()),
                    interest_categories=(),
                )
                categories.setPlainText(interests.categories_text(chosen))
                return

    code.currentIndexChanged.connect(code_changed)
    signatory = dialog.add_row(
        "&Signatory title:", QLineEdit(council.signatory_title), 'e.g. "Chair" or "Chairman"'
    )
    heading = dialog.add_row(
        "Minute &heading:", QLineEdit(council.minute_heading_pattern), "{n} is the number"
    )
    reference = dialog.add_row(
        "Minute &reference:",
        QLineEdit(council.minute_reference_pattern),
        "How minutes are cited: {n}/{month}/{yy} gives 10/7/21",
    )
    month = QSpinBox()
    month.setRange(1, 12)
    month.setValue(council.year_start_month)
    dialog.add_row("Year starts (&month):", month, "Minute numbers restart each municipal year")
    day = QSpinBox()
    day.setRange(1, 31)
    day.setValue(council.year_start_day)
    dialog.add_row("Year starts (&day):", day)
    signing = dialog.add_row(
        "Minutes are si&gned:",
        combo(
            [
                ("in wet ink (the minute-book copy)", SigningMode.WET_INK),
                ("digitally (the chair's certificate)", SigningMode.DIGITAL),
            ],
            council.signing_mode,
        ),
        "How the chair signs confirmed minutes, for every committee of the council",
    )
    page("Minutes")
    movers = dialog.add_row(
        "Name &movers:",
        combo(
            [
                ("always, a motion agreed without dissent too", MoverNaming.ALWAYS),
                (
                    "only when contested (amended, opposed, recorded, lost)",
                    MoverNaming.WHEN_CONTESTED,
                ),
            ],
            council.movers_named,
        ),
        "When the minutes name a motion's mover and seconder",
    )
    style = council.house_style
    substitution = dialog.add_row(
        "Su&bstitutes:",
        combo(
            [
                (
                    "membership amended to include Y instead of X",
                    SubstitutionWording.MEMBERSHIP_AMENDED,
                ),
                (
                    "apologies from X (substituted by Y)",
                    SubstitutionWording.APOLOGIES_SUBSTITUTED_BY,
                ),
                ("Y attended as a substitute for X", SubstitutionWording.ATTENDED_AS_SUBSTITUTE),
            ],
            style.substitution,
        ),
        "How the Apologies minute words a substitution",
    )
    vice_title = dialog.add_row(
        "&Vice-chair's title:", QLineEdit(style.vice_chair_title), 'e.g. "Vice-Chairman"'
    )
    in_chair = dialog.add_row(
        "Presiding, not the Chair:",
        QLineEdit(style.in_the_chair),
        'Beside a member presiding in the Chair\'s absence, e.g. "In the Chair"',
    )
    also_plural = dialog.add_row(
        "", QCheckBox('"Also in attendance: Councillors X" even for one councillor (&y)')
    )
    also_plural.setChecked(style.also_plural_for_one is not False)
    start_time = dialog.add_row(
        "&When the start time prints:",
        combo(
            [
                (
                    "after the Present list: (Meeting started at ...)",
                    StartTimePlacement.AFTER_PRESENT,
                ),
                ("on the date line", StartTimePlacement.WITH_DATE),
                ("not printed", StartTimePlacement.NOT_PRINTED),
            ],
            style.start_time,
        ),
    )
    officers = dialog.add_row("", QCheckBox("&List officers in the minutes"))
    officers.setChecked(council.lists_officers)
    preview = QLabel()
    preview.setObjectName("House style preview")
    preview.setAccessibleName("House style preview")
    preview.setWordWrap(True)
    preview.setTextFormat(Qt.TextFormat.PlainText)
    dialog.form.addRow(QLabel("<b>Preview</b> (a sample of each choice)"))
    dialog.form.addRow(preview)
    wording = council.agenda
    page("Agenda packs")
    dialog.form.addRow(QLabel("Empty: Clerk's own wording"))
    strapline = dialog.add_row(
        "Stra&pline:", QLineEdit(wording.strapline), "On the front sheet, e.g. the council's motto"
    )
    contact = dialog.add_row(
        "C&ontact:",
        text_box(2, wording.contact),
        "The front sheet's contact block: address, e-mail, web site",
    )
    notes = dialog.add_row(
        "&Notes:",
        text_box(3, wording.notes),
        "After the agenda: attending the meeting, filming, other formats. Paragraphs are "
        "separated by a blank line; a line starting '# ' is a heading.",
    )
    placeholders = "{body}, {committee}, {chair} and {dates} are filled in"
    apologies = dialog.add_row(
        "&Apologies item:", text_box(2, wording.apologies), f"The Apologies item; {placeholders}"
    )
    minutes = dialog.add_row(
        "Minu&tes item:", text_box(2, wording.minutes), f"The Minutes item; {placeholders}"
    )
    declarations = dialog.add_row(
        "Declarat&ions item:",
        text_box(3, wording.declarations),
        "The Declarations of Interest item with the council's notes for members",
    )
    urgent = dialog.add_row(
        "&Urgent items:", text_box(2, wording.urgent), f"The Urgent Items item; {placeholders}"
    )

    def profile() -> CouncilProfile:
        own_categories = interests.parse_categories(
            categories.toPlainText(), CodeOfConduct(code.currentData())
        )
        return replace(
            council,
            interest_categories=own_categories,
            name=name.text().strip(),
            code_of_conduct=CodeOfConduct(code.currentData()),
            signatory_title=signatory.text().strip() or "Chair",
            minute_heading_pattern=heading.text().strip() or "{n}",
            minute_reference_pattern=reference.text().strip() or "{n}/{month}/{yy}",
            year_start_month=month.value(),
            year_start_day=day.value(),
            lists_officers=officers.isChecked(),
            signing_mode=SigningMode(signing.currentData()),
            agenda=AgendaWording(
                contact=contact.toPlainText().strip(),
                notes=notes.toPlainText().strip(),
                strapline=strapline.text().strip(),
                apologies=apologies.toPlainText().strip(),
                minutes=minutes.toPlainText().strip(),
                declarations=declarations.toPlainText().strip(),
                urgent=urgent.toPlainText().strip(),
            ),
            movers_named=MoverNaming(movers.currentData()),
            house_style=replace(
                style,
                substitution=SubstitutionWording(substitution.currentData()),
                vice_chair_title=vice_title.text().strip() or "Vice-Chair",
                in_the_chair=in_chair.text().strip() or "In the Chair",
                also_plural_for_one=also_plural.isChecked(),
                start_time=StartTimePlacement(start_time.currentData()),
            ),
        )

    def refresh_preview() -> None:
        try:
            lines = house_style_preview(profile())
        except (ClerkError, ValueError) as error:
            preview.setText(f"(No preview: {error})")
            return
        preview.setText("\n".join(lines))

    for line in (signatory, heading, vice_title, in_chair):
        line.textChanged.connect(refresh_preview)
    for box in (substitution, start_time, code):
        box.currentIndexChanged.connect(refresh_preview)
    for spin in (month, day):
        spin.valueChanged.connect(refresh_preview)
    for check in (also_plural, officers):
        check.toggled.connect(refresh_preview)
    categories.textChanged.connect(refresh_preview)
    refresh_preview()

    def submit() -> str | None:
        try:
            value = profile()
            setup.save_council(database, value)
        except ClerkError as error:
            return str(error)
        saved()
        return None

    dialog.submit = submit
    return dialog
