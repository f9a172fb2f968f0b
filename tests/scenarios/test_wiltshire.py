"""Wiltshire Council, Western Area Planning Committee, 4 September 2013: two members who sent
apologies are replaced by substitutes, who count as present and are named with the apologies;
a member declares a non-pecuniary interest in two applications and stays; another declares an
interest in the same two, stays in the room and takes no part in their debate or vote; a
substitute speaks on an application as its Local Member.

Source: Wiltshire Council's published minutes of the Western Area Planning Committee meeting
of 4 September 2013 (apologies, minutes, declarations and application W/13/00882/FUL)."""

from __future__ import annotations

import pytest

from tests.scenarios.helpers import Minutes, in_order, record

STATEMENTS = [
    "Councillors Andrew Davis, Magnus Macdonald, Graham Payne and Fleur de Rhé-Philipe",
    "69. Apologies for Absence",
    "Apologies for absence were received from Councillors Horace Prickett (substituted by "
    "Councillor Fleur de Rhé-Philipe), Russell Hawker and Jonathon Seed (substituted by "
    "Councillor Graham Payne).",
    "70. Minutes of the Previous Meeting",
    "The Minutes of the meeting of the Committee held on 14 August 2013 were confirmed as a "
    "correct record and signed by the Chairman.",
    "72. Declarations of Interest",
    "Councillor Andrew Davis declared a non-pecuniary interest in Minute 76 as a member of the "
    "Planning Committee of Warminster Town Council that had already considered the application "
    "and remained in the meeting.",
    "Councillor Magnus Macdonald declared an interest in Minute 76 as a paid director of Selwood "
    "Housing (the applicants) and remained in the meeting but took no part in the debate or "
    "vote on the item.",
    "Councillor Andrew Davis declared a non-pecuniary interest in Minute 77 as a member of the "
    "Planning Committee of Warminster Town Council that had already considered the application "
    "and remained in the meeting.",
    "Councillor Magnus Macdonald declared an interest in Minute 77 as a paid director of Selwood "
    "Housing (the applicants) and remained in the meeting but took no part in the debate or "
    "vote on the item.",
    "75. W/13/00882/FUL: Land East of 2 Manor Farm Cottages, The Marsh, Longbridge Deverill, "
    "Wiltshire",
    "Mr Philip Crowther spoke against the application; Mr John Robins, the applicant, and "
    "Mr Michael Fowler, the agent, spoke for it.",
    "The Local Member, Councillor Fleur de Rhé-Philipe, spoke in support of the application.",
    "76. W/13/00451/FUL",
    "77. W/13/00711/FUL",
]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Minutes]:
    return record("wiltshire-2013-western-planning", tmp_path_factory.mktemp("wiltshire"))


def test_substitutes_sit_for_absent_members_and_a_member_declares_on_two_applications(
    minutes: dict[bool, Minutes],
) -> None:
    public = minutes[False]
    in_order(STATEMENTS, public.lines)
    # The members who sent apologies are not listed as present; their substitutes are.
    present = public.lines[public.lines.index("-: Present :-") : public.lines.index(STATEMENTS[1])]
    assert not any(name in line for line in present for name in ("Prickett", "Hawker", "Seed"))
    assert public.pdf_matches_word
