"""Lancaster City Council: a motion to exclude the press and public, lost, so they stayed."""

from __future__ import annotations

import pytest

from tests.scenarios.helpers import Minutes, in_order, record

#: The published minute's business in Clerk's house style, in the order it happened.
STATEMENTS = [
    "9. Exclusion of the Press and Public",
    "The Mayor reminded the Council of the recommendation that the next item be taken in "
    "private, its report possibly disclosing exempt information.",
    "Councillor Whitaker proposed and Councillor Redfern seconded a motion that the press and "
    "public be excluded from the meeting for the following item of business (Minute 10).",
    "Several councillors wanted the questions and debate to stay on matters that were not "
    "exempt for as long as they could.",
    "On being put to the vote, the motion was declared lost.",
    "The press and public therefore remained in the meeting for the consideration of Minute 10.",
    "10. Exempt report",
    "The Council considered the report in public.",
]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Minutes]:
    return record("lancaster-2016-council", tmp_path_factory.mktemp("lancaster"))


@pytest.mark.parametrize("confidential", [False, True])
def test_the_lost_exclusion_keeps_the_public_in_and_the_minutes_say_so(
    minutes: dict[bool, Minutes], confidential: bool
) -> None:
    version = minutes[confidential]
    in_order(STATEMENTS, version.lines)
    assert version.pdf_matches_word
    assert not any("section 100A(4)" in line for line in version.lines)
