"""Cardiff, a Welsh council: a mover and seconder named for a motion agreed without a vote
(the profile's default, "always"), and the new Lord Mayor taking the chair where it happened."""

from __future__ import annotations

import pytest

from tests.scenarios.helpers import Minutes, in_order, record

STATEMENTS = [
    "1. Apologies for Absence",
    "Apologies for absence were received from Councillors Aubrey, Carter, Chaundy, "
    "Davies-Warner, Davis, Evans, Goodway, Javed and Dianne Rees.",
    "2. Declarations of Interest",
    "No interests were declared.",
    "3. To Elect the Lord Mayor of Council for 2016/17",
    "The Council had approved the nomination of Councillor Monica Walsh as Lord Mayor Elect at "
    "its meeting on 24 March 2016.",
    "Councillor Bale proposed and Councillor McKerlich seconded a motion, which was agreed.",
    "Resolved:",
    "That Councillor Monica Walsh be elected as Lord Mayor of the County Council of the City and "
    "County of Cardiff for 2016/17.",
    "Councillor David Walker invested the new Lord Mayor with the chains of office and the civic "
    "ring, to the applause of members.",
    "Councillor Monica Walsh took the chair.",
]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Minutes]:
    return record("cardiff-2016-annual-council", tmp_path_factory.mktemp("cardiff"))


def test_the_election_is_minuted_with_its_mover_and_the_new_chair_after_it(
    minutes: dict[bool, Minutes],
) -> None:
    public = minutes[False]
    in_order(STATEMENTS, public.lines)
    assert "Councillor David Walker (Lord Mayor)" in public.lines  # who chaired the meeting
    assert public.pdf_matches_word
