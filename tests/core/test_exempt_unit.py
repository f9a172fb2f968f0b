"""What is exempt, decided in one place (clerk/domain/exempt.py), on records in memory: quick
enough to run for each mutant of it (docs/mutation.md)."""

from __future__ import annotations

from dataclasses import replace

from clerk.domain.entities import ActionItem, Declaration, Paragraph, Part
from clerk.domain.enums import InterestKind
from clerk.domain.exempt import (
    action_exempt_under,
    declaration_detail_exempt,
    exempt_paragraphs,
    has_exempt_business,
    item_paragraph,
    paragraph_exempt_under,
)
from tests.core.builders import under_way


def paragraph(pid: int, item_id: int, exempt: int | None = None) -> Paragraph:
    return Paragraph(id=pid, item_id=item_id, position=pid, text="x", exempt_paragraph=exempt)


def action(aid: int, item_id: int, exempt: int | None = None) -> ActionItem:
    return ActionItem(id=aid, item_id=item_id, text=Part("to act"), exempt_paragraph=exempt)


def test_public_business_is_not_exempt() -> None:
    record = under_way()
    record.paragraphs[1] = paragraph(1, 1)
    record.items[1] = replace(record.items[1], minute_number=5)
    assert not has_exempt_business(record)
    assert exempt_paragraphs(record) == []
    assert item_paragraph(record, 1) is None and item_paragraph(record, None) is None
    assert item_paragraph(record, 99) is None
    assert paragraph_exempt_under(record, record.paragraphs[1]) is None
    assert action_exempt_under(record, action(1, 1)) is None


def test_a_paragraph_exempt_on_its_own_makes_the_minutes_hold_exempt_business() -> None:
    record = under_way()
    record.paragraphs[1] = paragraph(1, 1)
    record.paragraphs[2] = paragraph(2, 1, exempt=3)
    assert has_exempt_business(record)
    assert exempt_paragraphs(record) == [3]
    assert paragraph_exempt_under(record, record.paragraphs[2]) == 3
    assert action_exempt_under(record, action(1, 1, exempt=4)) == 4


def test_an_exempt_item_counts_once_it_is_minuted() -> None:
    record = under_way()
    record.items[1] = replace(record.items[1], exempt_paragraph=1, minute_number=None)
    assert not has_exempt_business(record)  # on the agenda, not minuted
    assert exempt_paragraphs(record) == [1]  # nothing minuted yet: the agenda's
    record.items[1] = replace(record.items[1], minute_number=7)
    assert has_exempt_business(record)
    assert item_paragraph(record, 1) == 1
    assert paragraph_exempt_under(record, paragraph(1, 1)) == 1
    assert paragraph_exempt_under(record, paragraph(1, 1, exempt=2)) == 2
    assert action_exempt_under(record, action(1, 1)) == 1
    record.paragraphs[1] = paragraph(1, 1, exempt=6)
    assert exempt_paragraphs(record) == [1, 6]


def test_only_the_minuted_items_mark_the_minutes_once_any_is_minuted() -> None:
    record = under_way()
    record.items[1] = replace(record.items[1], minute_number=5)
    late = replace(record.items[1], id=2, number="6", exempt_paragraph=3, minute_number=None)
    record.items[2] = late  # exempt, on the agenda, not taken
    assert exempt_paragraphs(record) == []
    record.items[2] = replace(late, minute_number=6)
    assert exempt_paragraphs(record) == [3]


def test_a_declarations_detail_is_exempt_only_on_an_exempt_item_unless_marked_public() -> None:
    record = under_way()
    declared = Declaration(1, "bye", 1, InterestKind.NON_PECUNIARY, nature="a governor")
    for marked in (None, False, True):
        assert not declaration_detail_exempt(record, replace(declared, nature_public=marked))
    record.items[1] = replace(record.items[1], exempt_paragraph=3)
    assert declaration_detail_exempt(record, declared)  # recorded before the choice existed
    assert declaration_detail_exempt(record, replace(declared, nature_public=False))
    assert not declaration_detail_exempt(record, replace(declared, nature_public=True))
