"""The window's commands for the round trip: take a meeting to this laptop, bring it back,
break a check-out; and the status bar of a meeting out on this laptop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk.domain.checkout import CheckoutRole, Side, holder, on_this_laptop
from clerk.services import catalogue

# The dialogs, the check-out services and SQLAlchemy load when first used: the window's first
# screen does not need them (see docs/performance.md).
if TYPE_CHECKING:
    from clerk.services.checkout import CheckedOut
    from clerk.services.recording import MeetingSession
    from clerk.ui.roundtrip import BreakDialog, BringBack, TakeDialog


class LaptopCommands:
    """Mixed into ``MainWindow`` (which has the database, the clock, the home view...)."""

    def _show_checkout(self, session: MeetingSession | None) -> None:
        """The status bar says so when the meeting on screen is out on this laptop."""
        checkout = session.checkout if session is not None else None
        if checkout is None or checkout.side is not Side.LAPTOP or not checkout.is_out:
            self.checkout_label.setText("")
            self.checkout_label.hide()
            return
        if checkout.role is CheckoutRole.REFERENCE:
            self.checkout_label.setText("")
            self.checkout_label.hide()
            return
        self.checkout_label.setText(on_this_laptop(checkout, self.clock().date()))
        self.checkout_label.show()

    # -- the laptop and the team's database ------------------------------------------------

    def take_to_laptop(self) -> TakeDialog:
        from clerk.ui.roundtrip import TakeDialog

        dialog = TakeDialog(self.database, self, done=self._taken, pool=self.pool)
        self._open(dialog)
        return dialog

    def _taken(self, done: CheckedOut) -> None:
        self.show_home()
        self.statusBar().showMessage(
            f"Took {done.reference} to this laptop from {done.team}; bring it back with "
            "Meeting, Bring back.",
            15000,
        )

    def bring_back(self, meeting_id: int | None) -> BringBack | None:
        if meeting_id is None:
            meeting_id = self._meeting_for_command()
        if meeting_id is None:
            self.show_problem("Choose a meeting first (File, Meetings and committees: Ctrl+O).")
            return None
        self.statusBar().showMessage("Bringing the meeting back to the team's database…")
        from clerk.ui.roundtrip import BringBack

        job = BringBack(
            self, self.database, meeting_id, self._brought_back, self.show_problem, self.pool
        )
        self.bring_back_job = job
        job.run()
        return job

    def _brought_back(self, message: str) -> None:
        self.statusBar().showMessage(message, 15000)
        if self.controller is not None:
            self.controller.reload()
            self._show_checkout(self.controller.session)
            if self.meeting_view is not None:
                self.meeting_view.apply_lock()
        if self.stack.currentWidget() is self.home:
            self.home.refresh()

    def break_checkout(self, meeting_id: int | None) -> BreakDialog | None:
        if meeting_id is None:
            meeting_id = self._meeting_for_command()
        held = catalogue.checked_out(self.database).get(meeting_id) if meeting_id else None
        if meeting_id is None or held is None or held.side is not Side.TEAM:
            self.show_problem("Choose a meeting checked out to a laptop first.")
            return None
        from clerk.ui.roundtrip import BreakDialog

        dialog = BreakDialog(self.database, meeting_id, holder(held, self.clock().date()), self)
        dialog.accepted.connect(self.reload_meeting)
        dialog.accepted.connect(self.home.refresh)
        self._open(dialog)
        return dialog
