"""Uttlesford District Council: adjourned mid-item to read a report; the proposal, seconder and
counted vote minuted after the adjournment, where they happened."""

from __future__ import annotations

import pytest

from tests.scenarios.helpers import Minutes, in_order, record

STATEMENTS = [
    "C60. Potential land acquisition",
    "Officers gave members a presentation on a possible purchase of land, and the report was "
    "then handed round.",
    "The meeting adjourned at 9.10 pm (for members to read the report) and reconvened at 9.15 pm.",
    "Councillor Howell introduced the report and explained why he recommended the approach in "
    "it, calling the site a chance to invest in a community asset.",
    "Councillor Howell proposed and Councillor Rolfe seconded a motion.",
    "Members questioned officers on the proposal in detail. Councillor Howell replied to the "
    "debate.",
    "An amendment was put to the vote and was not carried.",
    "On being put to the vote, the motion was declared carried (For: 22; Against: 1; Abstain: 2).",
    "Resolved:",
    "That the recommendation in the report be approved.",
    "(Meeting ended at 10.10 pm)",
]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Minutes]:
    return record("uttlesford-2019-council", tmp_path_factory.mktemp("uttlesford"))


def test_the_adjournment_sits_before_the_business_it_interrupted(
    minutes: dict[bool, Minutes],
) -> None:
    public = minutes[False]
    in_order(STATEMENTS, public.lines)
    assert public.pdf_matches_word
