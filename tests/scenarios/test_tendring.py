"""Tendring District Council: minutes confirmed subject to alterations, the alterations' proposal
and vote minuted first and the confirmation after, without repeating them."""

from __future__ import annotations

import pytest

from tests.scenarios.helpers import Minutes, in_order, record

STATEMENTS = [
    "171. Minutes of the Last Meeting",
    "Councillor Bray proposed and Councillor Baker seconded a motion as follows:",
    "That the minutes be altered as follows:",
    "1. Minute 156: Councillor Baker's declaration of interest to say that he had formerly been "
    "a Ward Member for the adjacent Ward;",
    "2. Minute 162: the reasons for refusing application 21/00208/FUL (Land Rear of Strangers "
    "Way, Church Road, Brightlingsea) to be set out in full:",
    "a. backland development contrary to Policy HG13 of the adopted Local Plan and Policy SP7 of "
    "the emerging Local Plan, its long and narrow access harming the neighbouring property; and",
    "b. a cramped form of development out of character with the area, contrary to Policy SP7 of "
    "the emerging Local Plan.",
    "On being put to the meeting, the motion was agreed.",
    "The Minutes of the meeting of the Committee held on 26 October 2021 were confirmed as a "
    "correct record, subject to the amendments set out above, and signed by the Chairman.",
]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Minutes]:
    return record("tendring-2021-planning", tmp_path_factory.mktemp("tendring"))


def test_the_alterations_come_first_and_the_confirmation_does_not_repeat_them(
    minutes: dict[bool, Minutes],
) -> None:
    public = minutes[False]
    in_order(STATEMENTS, public.lines)
    confirmation = public.lines.index(STATEMENTS[-1])
    assert not any("Strangers Way" in line for line in public.lines[confirmation:])
    assert public.pdf_matches_word
