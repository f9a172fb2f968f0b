"""Signing from the window: the minute-book copy for ink, the signature in ink, the digital
signature. Each runs off the UI thread (rendering the PDF, counting its pages, signing)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLineEdit, QWidget

from clerk.domain.enums import SignoffStepKind
from clerk.domain.errors import ClerkError
from clerk.domain.record import MeetingRecord
from clerk.domain.signoff.lifecycle import confirming_date, latest, signatory_title
from clerk.domain.timefmt import long_date
from clerk.services import minute_book, signoff
from clerk.storage.database import Database
from clerk.ui.forms import combo, date_edit, date_value
from clerk.ui.signoff.dialogs import SCANS, PathField, hint, people
from clerk.ui.signoff.work import Work, WorkDialog, documents_folder

PDF = "PDF (*.pdf)"
CERTIFICATES = "PKCS#12 certificates (*.p12 *.pfx);;All files (*)"


def stem(record: MeetingRecord) -> str:
    return f"{record.committee.slug}-{record.meeting.date.isoformat()}"


def ready_folder(path: Path) -> None:
    """Make the folder a file is written into (the Documents/Clerk default may not exist)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ClerkError(f"Cannot create the folder {path.parent}: {error.strerror}.") from None


def signed_on(record: MeetingRecord, today: date) -> date:
    """The day the chair signs: the confirming meeting's, where the minutes were confirmed."""
    confirmed = latest(record, SignoffStepKind.CONFIRMED)
    day = confirming_date(confirmed.confirmed_by) if confirmed is not None else None
    return day or today


class PrintDialog(WorkDialog):
    """The minute-book copy: numbered pages, initials boxes, the signature box; then open it."""

    def __init__(
        self,
        parent: QWidget,
        database: Database,
        record: MeetingRecord,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__("Print the minute-book copy", "&Write the PDF", parent, pool)
        self.database = database
        self.meeting_id = record.meeting_id
        title = signatory_title(record)
        self.form.addRow(
            hint(
                f"The minutes of {long_date(record.meeting.date)} as the {title} signs them in "
                "ink: every page numbered in the minute book with a box for the initials, a "
                "signature box at the end, and the record's fingerprint in the footer."
            )
        )
        default = documents_folder() / f"{stem(record)}-minute-book.pdf"
        self.out = self.add_row("&Save as:", PathField("Minute-book copy", PDF, str(default), True))

    def prepare(self) -> Work | str:
        out = self.out.path()
        if out is None:
            return "Choose where to write the PDF."
        database, meeting_id = self.database, self.meeting_id

        def work() -> minute_book.Printed:
            ready_folder(out)
            return minute_book.print_minute_book(database, meeting_id, out)

        return work

    def succeeded(self, result: Any) -> None:
        printed: minute_book.Printed = result
        self.message.show_message(
            " ".join(printed.lines()) + " Print it for signing; open it now?", kind="notice"
        )
        if printed.path is not None:
            self.offer_file(printed.path)


class SignInkDialog(WorkDialog):
    """The chair signed the printed copy: record it, with the scan if it is to hand."""

    def __init__(
        self,
        parent: QWidget,
        database: Database,
        record: MeetingRecord,
        today: date,
        done: Callable[[], None],
        pool: QThreadPool | None = None,
    ) -> None:
        title = signatory_title(record)
        super().__init__(
            f"The {title} signed the minutes in ink", "Record the &signature", parent, pool
        )
        self.database = database
        self.meeting_id = record.meeting_id
        self.recorded = done
        self.form.addRow(
            hint(
                f"Record that the {title} has signed the minute-book copy of the minutes of "
                f"{long_date(record.meeting.date)}. The pages signed are those of the copy as "
                "printed now; the scan can be attached now or later."
            )
        )
        self.by = self.add_row(
            "Signed &by:", combo(people(record), signoff.signatory(database, record))
        )
        self.on = self.add_row("&On:", date_edit(signed_on(record, today)))
        self.scan = self.add_row(
            "Scanned &copy:", PathField("Scanned copy", SCANS), "Optional: attach it later"
        )

    def prepare(self) -> Work | str:
        database, meeting_id = self.database, self.meeting_id
        by, on, scan = self.by.currentData(), date_value(self.on), self.scan.path()

        def work() -> Any:
            return signoff.sign_wet_ink(database, meeting_id, by=by, scan=scan, on=on)

        return work

    def succeeded(self, result: Any) -> None:
        self.recorded()
        self.close_done()


class SignDigitalDialog(WorkDialog):
    """Sign the confirmed minutes with the chair's certificate (PAdES)."""

    def __init__(
        self,
        parent: QWidget,
        database: Database,
        record: MeetingRecord,
        done: Callable[[], None],
        pool: QThreadPool | None = None,
        verify: Callable[[Path], None] | None = None,
    ) -> None:
        title = signatory_title(record)
        super().__init__("Sign the minutes digitally", "&Sign", parent, pool)
        self.database = database
        self.meeting_id = record.meeting_id
        self.recorded = done
        self.verify = verify
        self.form.addRow(
            hint(
                f"The confirmed minutes of {long_date(record.meeting.date)} are signed with the "
                f"{title}'s certificate and key (a PKCS#12 file and its passphrase). The signed "
                "PDF is written and kept with the meeting; its SHA-256 is recorded."
            )
        )
        self.p12 = self.add_row(
            "&Certificate:", PathField("Certificate", CERTIFICATES), "The .p12 or .pfx file"
        )
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_row("&Passphrase:", self.passphrase, "The certificate file's passphrase")
        self.by = self.add_row(
            "Signed &by:", combo(people(record), signoff.signatory(database, record))
        )
        default = documents_folder() / f"{stem(record)}-minutes-signed.pdf"
        self.out = self.add_row("&Save as:", PathField("Signed PDF", PDF, str(default), True))
        self.verify_button = self._extra("&Verify it…", self._verify)

    def prepare(self) -> Work | str:
        p12, out = self.p12.path(), self.out.path()
        if p12 is None:
            return "Choose the certificate file (.p12 or .pfx)."
        if out is None:
            return "Choose where to write the signed PDF."
        passphrase = self.passphrase.text().encode("utf-8")
        self.passphrase.clear()  # not kept in the window once the signing starts
        database, meeting_id, by = self.database, self.meeting_id, self.by.currentData()

        def work() -> signoff.DigitallySigned:
            ready_folder(out)
            return signoff.sign_digital(database, meeting_id, p12, passphrase, out, by=by)

        return work

    def succeeded(self, result: Any) -> None:
        signed: signoff.DigitallySigned = result
        self.recorded()
        self.message.show_message(
            f"Signed by {signed.signer}: {signed.path} (SHA-256 {signed.sha256}).", kind="notice"
        )
        self.action_button.setEnabled(False)  # signed once; the record says so
        self.offer_file(signed.path)
        if self.verify is not None:
            self.verify_button.show()

    def _verify(self) -> None:
        if self.verify is not None and self.file is not None:
            self.verify(self.file)
