"""Member pickers that find a person by typing any part of the name: the surname first of all
("Councillor Jane Bye": typing "by" finds her; a plain list finds only "Councillor...")."""

from __future__ import annotations

import re

from PySide6.QtCore import QElapsedTimer, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox

from clerk.ui.forms import combo


class PersonPicker(QComboBox):
    """A list of people: the letters typed are matched against the start of every word of
    each name (surname, forename, title), the surname first; a pause starts a new search."""

    def __init__(self) -> None:
        super().__init__()
        self._typed = ""
        self._since = QElapsedTimer()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        plain = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier == (
            Qt.KeyboardModifier.NoModifier
        )
        stale = not self._since.isValid() or self._since.elapsed() > (
            QApplication.keyboardInputInterval()
        )
        if stale:
            self._typed = ""
        searching = text.isalnum() or text in "-'" or (text == " " and self._typed)
        if plain and text and searching:  # a space with nothing typed opens the list
            self._since.restart()
            self._typed += text.lower()
            found = self.find_person(self._typed)
            if found >= 0:
                self.setCurrentIndex(found)
            event.accept()
            return
        super().keyPressEvent(event)

    def find_person(self, typed: str) -> int:
        """The first entry whose surname (its last word) starts with ``typed``, else the first
        with any word (or part of a hyphenated one) starting with it; -1 if none."""
        typed = typed.strip().lower()
        if not typed:
            return -1
        names = [self.itemText(i).lower().replace(",", " ") for i in range(self.count())]
        for index, name in enumerate(names):
            words = name.split()
            if words and words[-1].startswith(typed):
                return index
        for index, name in enumerate(names):  # any word, or part of a double-barrelled name
            if any(word.startswith(typed) for word in re.split(r"[\s\-]+", name)):
                return index
        for index, name in enumerate(names):  # several words: "mandy d"
            if f" {typed}" in f" {name}":
                return index
        return -1


def person_picker(items: list[tuple[str, object]], current: object = None) -> PersonPicker:
    box = PersonPicker()
    combo(items, current, box)
    return box
