"""Every command the window offers, with its keys: one table for the menus and for Help."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Command:
    id: str
    text: str
    keys: tuple[str, ...]
    group: str
    #: Where the keys work: "" everywhere, else the panel that must have the focus.
    where: str = ""


ATTENDANCE_LIST = "in the attendance list"
VOTE_PANEL = "in the vote panel"
GRID = "in the recorded-vote grid"
EDITOR = "in the minute text editor"

COMMANDS: tuple[Command, ...] = (
    # File
    Command("home", "&Meetings and committees", ("Ctrl+O",), "File"),
    Command("new_meeting", "&New meeting…", ("Ctrl+N",), "File"),
    Command("import_record", "&Import a meeting record…", ("Ctrl+I",), "File"),
    Command("import_moderngov", "Import from Mo&dernGov…", (), "File"),
    Command("generate_minutes", "Generate minut&es…", ("Ctrl+Shift+G",), "File"),
    Command("generate_tracker", "Generate the action &tracker…", ("Ctrl+Shift+K",), "File"),
    Command("agenda_pack", "&Agenda pack…", ("Ctrl+Shift+B",), "File"),
    Command("publish", "&Publish (open data, calendar)…", (), "File"),
    Command("search", "&Search every meeting…", ("Ctrl+F",), "File"),
    Command("attendance", "Attendance &record…", ("Ctrl+Shift+L",), "File"),
    Command("verify", "&Verify a signed PDF…", (), "File"),
    Command("quit", "&Quit", ("Ctrl+Q",), "File"),
    # Edit
    Command("undo", "&Undo", ("Ctrl+Z",), "Edit"),
    Command("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit"),
    Command("edit_agenda", "Edit the &agenda…", ("Ctrl+Shift+E",), "Edit"),
    # Meeting
    Command("start", "&Start the meeting", ("F5",), "Meeting"),
    Command("adjourn", "&Adjourn", ("F6",), "Meeting"),
    Command("resume", "&Resume after adjournment", ("Shift+F6",), "Meeting"),
    Command("exclude_public", "&Exclude press and public…", ("F7",), "Meeting"),
    Command("readmit_public", "Readmit press and pu&blic", ("Shift+F7",), "Meeting"),
    Command("close_meeting", "&Close the meeting", ("F8",), "Meeting"),
    Command("presiding", "Who &presides…", ("Ctrl+Shift+H",), "Meeting"),
    Command("note", "Timed &note…", ("Ctrl+Shift+O",), "Meeting"),
    Command("signoff", "Sign-&off the minutes…", ("F9",), "Meeting"),
    Command("audit", "A&udit the record…", (), "Meeting"),
    # Agenda
    Command("next_item", "Take the &next item", ("Ctrl+PgDown",), "Agenda"),
    Command("previous_item", "Take the &previous item", ("Ctrl+PgUp",), "Agenda"),
    Command("take_item", "&Take the selected item", ("Ctrl+T",), "Agenda"),
    Command("focus_agenda", "Go to the &agenda", ("Ctrl+1",), "Agenda"),
    Command("focus_workspace", "Go to the &item", ("Ctrl+2",), "Agenda"),
    Command("focus_attendance", "Go to the atten&dance", ("Ctrl+3",), "Agenda"),
    # Attendance (single keys in the attendance list)
    Command("present", "&Present", ("P",), "Attendance", ATTENDANCE_LIST),
    Command("apologies", "&Apologies", ("A",), "Attendance", ATTENDANCE_LIST),
    Command("absent", "Absent (&X)", ("X",), "Attendance", ATTENDANCE_LIST),
    Command("substitute", "&Substitute for this member…", ("S",), "Attendance", ATTENDANCE_LIST),
    Command("remote", "&Remote observer", ("R",), "Attendance", ATTENDANCE_LIST),
    Command("arrive", "Arrived late (&I)", ("I",), "Attendance", ATTENDANCE_LIST),
    Command("leave", "&Left the meeting", ("L",), "Attendance", ATTENDANCE_LIST),
    Command(
        "add_attendee",
        "Also &in attendance / officer…",
        ("Insert", "+"),
        "Attendance",
        ATTENDANCE_LIST,
    ),
    # Item
    Command("write_minutes", "&Write minute text", ("Ctrl+Shift+P",), "Item"),
    Command("add_paragraph", "&Add the paragraph", ("Ctrl+Return",), "Item", EDITOR),
    Command("confirm_minutes", "&Confirm the previous minutes…", ("Ctrl+Shift+C",), "Item"),
    Command("declare", "&Declaration of interest…", ("Ctrl+Shift+D",), "Item"),
    Command("move_motion", "&Move a motion…", ("Ctrl+Shift+M",), "Item"),
    Command("amend", "Move an &amendment…", ("Ctrl+Shift+A",), "Item"),
    Command("second", "&Second the motion…", ("Ctrl+Shift+S",), "Item"),
    Command("withdraw", "Wit&hdraw the motion", ("Ctrl+Shift+W",), "Item"),
    Command("fall", "The motion &fell", ("Ctrl+Shift+F",), "Item"),
    Command("vote", "&Vote…", ("Ctrl+Shift+V",), "Item"),
    Command("resolve", "&Resolution…", ("Ctrl+Shift+R",), "Item"),
    Command("add_action", "Add an ac&tion…", ("Ctrl+Shift+T",), "Item"),
    Command("update_action", "&Update the selected action…", ("Ctrl+Shift+U",), "Item"),
    Command("public_summary", "Public summar&y (Part II)…", ("Ctrl+Shift+Y",), "Item"),
    # Help
    Command("shortcuts", "&Keyboard shortcuts", ("F1",), "Help"),
    Command("about", "&About Clerk", (), "Help"),
)

#: Keys that work in one panel only, listed in Help with the commands above.
PANEL_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Vote panel", "Alt+O / Alt+A / Alt+B", "the For / Against / Abstain counts"),
    ("Vote panel", "Alt+L", "all eligible members voted for"),
    ("Vote panel", "Alt+C / Alt+V", "the casting vote for / against, on a tie"),
    ("Vote panel", "Alt+W / Alt+R / Alt+N", "show of hands / recorded vote / assent"),
    ("Vote panel", "Ctrl+Return", "record the vote"),
    ("Vote panel", "Esc", "close the vote panel without recording"),
    ("Recorded-vote grid", "1 / 2 / 3 / 0", "for / against / abstain / not voting, then next"),
    ("Recorded-vote grid", "Delete", "clear the member's vote"),
    ("Tabs of the item", "Alt+1 … Alt+4", "minutes, declarations, motions and vote, resolution"),
    ("Minute-text list", "Alt+Up / Alt+Down", "move the selected paragraph up / down"),
    ("Sign-off view", "Esc or Alt+Left", "back to the meeting or the list of meetings"),
    ("Sign-off view", "Ctrl+Return", "take the next step (the highlighted button)"),
    ("Dialogs", "Ctrl+Return", "OK (Return in a one-line field)"),
    ("Dialogs", "Esc", "cancel"),
)

BY_ID = {command.id: command for command in COMMANDS}


def keys_text(command: Command) -> str:
    return " or ".join(command.keys)
