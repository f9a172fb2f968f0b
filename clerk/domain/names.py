"""How people are named in minutes and messages."""

from clerk.domain.entities import Person
from clerk.domain.enums import PersonKind


def display_name(person: Person) -> str:
    """ "Councillor Bye", "Laura Colman": the form used in a sentence."""
    if person.kind is PersonKind.COUNCILLOR:
        prefix = person.honorific_prefix or "Councillor"
        return f"{prefix} {person.name}"
    if person.honorific_prefix:
        return f"{person.honorific_prefix} {person.name}"
    return person.name


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def councillors_phrase(people: list[Person]) -> str:
    """ "Councillor Bye" or "Councillors Barnby, Loxton and Howgate"."""
    names = [p.name for p in people]
    if len(names) == 1:
        return f"Councillor {names[0]}"
    return f"Councillors {join_names(names)}"
