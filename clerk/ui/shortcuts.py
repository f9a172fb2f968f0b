"""Every command the window offers: one registry for the menus, the buttons, Help, the
read-only lock and dispatch.

Each command says who handles it (its ``scope``: the main window, the meeting view, the
attendance panel or the item workspace) and whether it records on the meeting (``records``:
disabled while the record is locked). Each of those widgets owns an explicit mapping from the
ids of its scope to its handlers, checked against this table by ``bind`` when it is built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

#: Who handles a command.
WINDOW = "window"  # the main window: files, documents, undo and redo, help
MEETING = "meeting"  # the meeting view: the meeting's course, the agenda
ATTENDANCE = "attendance"  # the attendance panel: the selected person
ITEM = "item"  # the item workspace: the business of the item under way


@dataclass(frozen=True)
class Command:
    id: str
    text: str
    keys: tuple[str, ...]
    group: str
    #: Where the keys work: "" everywhere, else the panel that must have the focus.
    where: str = ""
    #: Who handles it (see ``bind``).
    scope: str = WINDOW
    #: It records on the open meeting: disabled while the meeting is read-only.
    records: bool = False
    #: It records on the item under way, whatever item the clerk is looking at (the window
    #: shows the item under way first, and says so).
    under_way: bool = False


ATTENDANCE_LIST = "in the attendance list"
VOTE_PANEL = "in the vote panel"
GRID = "in the recorded-vote grid"
EDITOR = "in the minute text editor"


def _meeting(id: str, text: str, keys: tuple[str, ...], group: str, records=True) -> Command:
    return Command(id, text, keys, group, scope=MEETING, records=records)


def _attendance(id: str, text: str, keys: tuple[str, ...]) -> Command:
    return Command(id, text, keys, "Attendance", ATTENDANCE_LIST, ATTENDANCE, records=True)


def _item(
    id: str, text: str, keys: tuple[str, ...], where: str = "", under_way: bool = True
) -> Command:
    return Command(id, text, keys, "Item", where, ITEM, records=True, under_way=under_way)


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
    _meeting("edit_agenda", "Edit the &agenda…", ("Ctrl+Shift+E",), "Edit"),
    # Meeting
    _meeting("start", "&Start the meeting", ("F5",), "Meeting"),
    _meeting("adjourn", "&Adjourn", ("F6",), "Meeting"),
    _meeting("resume", "&Resume after adjournment", ("Shift+F6",), "Meeting"),
    _meeting("exclude_public", "&Exclude press and public…", ("F7",), "Meeting"),
    _meeting("readmit_public", "Readmit press and pu&blic", ("Shift+F7",), "Meeting"),
    _meeting("close_meeting", "&Close the meeting", ("F8",), "Meeting"),
    _meeting("presiding", "Who &presides…", ("Ctrl+Shift+H",), "Meeting"),
    _meeting("note", "Timed &note…", ("Ctrl+Shift+O",), "Meeting"),
    Command("signoff", "Sign-&off the minutes…", ("F9",), "Meeting"),
    Command("audit", "A&udit the record…", (), "Meeting"),
    # Agenda
    _meeting("next_item", "Take the &next item", ("Ctrl+PgDown",), "Agenda"),
    _meeting("previous_item", "Take the &previous item", ("Ctrl+PgUp",), "Agenda"),
    _meeting("take_item", "&Take the selected item", ("Ctrl+T",), "Agenda"),
    _meeting("focus_agenda", "Go to the &agenda", ("Ctrl+1",), "Agenda", records=False),
    _meeting("focus_workspace", "Go to the &item", ("Ctrl+2",), "Agenda", records=False),
    _meeting("focus_attendance", "Go to the atten&dance", ("Ctrl+3",), "Agenda", records=False),
    # Attendance (single keys in the attendance list)
    _attendance("present", "&Present", ("P",)),
    _attendance("present_remote", "Present by &video (counts as present)", ("V",)),
    _attendance("apologies", "&Apologies", ("A",)),
    _attendance("absent", "Absent (&X)", ("X",)),
    _attendance("substitute", "&Substitute for this member…", ("S",)),
    _attendance("remote", "&Remote observer", ("R",)),
    _attendance("arrive", "Arrived late (&I)", ("I",)),
    _attendance("leave", "&Left the meeting", ("L",)),
    _attendance("add_attendee", "Also &in attendance / officer…", ("Insert", "+")),
    # Item
    _item("write_minutes", "&Write minute text", ("Ctrl+Shift+P",), under_way=False),
    _item("add_paragraph", "&Add the paragraph", ("Ctrl+Return",), EDITOR, under_way=False),
    _item("confirm_minutes", "&Confirm the previous minutes…", ("Ctrl+Shift+C",)),
    _item("declare", "&Declaration of interest…", ("Ctrl+Shift+D",)),
    _item("move_motion", "&Move a motion…", ("Ctrl+Shift+M",)),
    _item("amend", "Move an &amendment…", ("Ctrl+Shift+A",)),
    _item("second", "&Second the motion…", ("Ctrl+Shift+S",)),
    _item("withdraw", "Wit&hdraw the motion", ("Ctrl+Shift+W",)),
    _item("fall", "The motion &fell", ("Ctrl+Shift+F",)),
    _item("vote", "&Vote…", ("Ctrl+Shift+V",)),
    _item("resolve", "&Resolution…", ("Ctrl+Shift+R",)),
    _item("add_action", "Add an ac&tion…", ("Ctrl+Shift+T",)),
    _item("update_action", "&Update the selected action…", ("Ctrl+Shift+U",), under_way=False),
    _item("public_summary", "Public summar&y (Part II)…", ("Ctrl+Shift+Y",), under_way=False),
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

#: The commands that record on the open meeting (the read-only lock disables them).
RECORDING = tuple(c.id for c in COMMANDS if c.records)

Handler = Callable[[], object]


def ids_in(scope: str) -> tuple[str, ...]:
    return tuple(c.id for c in COMMANDS if c.scope == scope)


def bind(scope: str, handlers: Mapping[str, Handler]) -> dict[str, Handler]:
    """A widget's handlers for the commands of its scope: exactly those, every one of them
    (a command missing or one not in the registry is a programming error, found at once)."""
    wanted = set(ids_in(scope))
    missing, extra = wanted - handlers.keys(), handlers.keys() - wanted
    if missing or extra:
        raise LookupError(f"{scope} handlers: missing {sorted(missing)}, unknown {sorted(extra)}")
    return dict(handlers)


def keys_text(command: Command) -> str:
    return " or ".join(command.keys)


def hint(command_id: str) -> str:
    """The command's name and keys for a button's accessible name and tooltip:
    "Move a motion (Ctrl+Shift+M)"."""
    command = BY_ID[command_id]
    text = command.text.replace("&", "").rstrip("…")
    return f"{text} ({keys_text(command)})" if command.keys else text
