"""Bodorgan Community Council (Isle of Anglesey), 14 September 2021, held by Zoom: a Welsh
community council. The county councillor attends without being a member and reports; a member
declares a personal and prejudicial interest in a planning application as its landowner and
withdraws for it; the previous minutes are confirmed on a motion, proposed and seconded by name,
carried unanimously.

Source: Bodorgan Community Council's published minutes of its virtual meeting of 14 September
2021 (minutes 1 to 6). The members attended by Zoom and, in Wales, were present: recorded as
present remotely. The County Councillor's apologies are a gap: see docs/scenario-gaps.md."""

from __future__ import annotations

import pytest

from tests.scenarios.helpers import Minutes, in_order, record

STATEMENTS = [
    "Councillor Dafydd Jones (Chair)",
    "Councillors Tim Owen, Sharon Barton, Andrew Hughes, Gwilym Looms, Gareth Evans, Jeff "
    "Hughes, Selwyn Williams and Myfyr Davies",
    "All members present attended remotely.",
    "(Also in attendance: Councillor Bryan Owen)",
    "(Officers: J Alun Foulkes, Clerk)",
    "2. Apologies",
    "Apologies for absence were received from Councillor Arianwen Owen. Councillor Bryan Owen "
    "attended as County Councillor.",
    "3. Welcome",
    "The Chair welcomed everyone and, on behalf of the Council, offered the Clerk its sympathy "
    "on a recent bereavement in his family.",
    "4. Declaration of Interest",
    "Councillor Selwyn Williams declared a personal and prejudicial interest in agenda item 8.1 "
    "as the landowner and left the meeting for that item.",
    "5. County Councillor's Report",
    "County Councillor Bryan Owen gave a short report on the COVID-19 position and figures, and "
    "on the interest shown in buying the Old School and Centre.",
    "6. To Correct and Approve Minutes of Meetings",
    "On the proposal of Councillor Andrew Hughes, seconded by Councillor Gwilym Looms, the "
    "Minutes of the meeting of the Council held on 22 June 2021 were unanimously confirmed as a "
    "correct record and signed by the Chair.",
]


@pytest.fixture(scope="module")
def minutes(tmp_path_factory: pytest.TempPathFactory) -> dict[bool, Minutes]:
    return record("bodorgan-2021-community-council", tmp_path_factory.mktemp("bodorgan"))


def test_a_visiting_county_councillor_a_withdrawal_and_minutes_approved_on_a_proposal(
    minutes: dict[bool, Minutes],
) -> None:
    public = minutes[False]
    in_order(STATEMENTS, public.lines)
    # The county councillor is not a member: he is listed as attending, not among the members.
    members = public.lines[public.lines.index("-: Present :-") : public.lines.index(STATEMENTS[3])]
    assert not any("Bryan Owen" in line for line in members)
    assert not any("amendment" in line for line in public.lines)
    # The confirmation is the motion's: not minuted again as a motion, a vote or a resolution.
    minute = public.lines[public.lines.index(STATEMENTS[-2]) + 1 :]
    assert not any(word in line for line in minute for word in ("motion", "Resolved"))
    assert public.pdf_matches_word
    # The Minutes item holds the confirmation, and the motion is resolved by it.
    stored = public.record
    (minutes_item,) = [i for i in stored.items.values() if i.number == "6"]
    assert minutes_item.confirms_meeting == "2021-06-22"
    (motion,) = stored.motions.values()
    assert motion.item_id == minutes_item.id and motion.confirms_minutes
    assert not stored.resolutions


def test_members_attending_by_zoom_are_present_remotely_and_minuted_so(
    minutes: dict[bool, Minutes],
) -> None:
    # Held by Zoom in Wales: every member attended remotely and was present (the Local
    # Government and Elections (Wales) Act 2021), listed among the members present and said to
    # have attended remotely; not the "observing remotely, not present" of a remote observer.
    public = minutes[False]
    block = public.lines[public.lines.index("-: Present :-") : public.lines.index("2. Apologies")]
    assert "All members present attended remotely." in block
    assert not any("Observing remotely" in line for line in public.lines)
    # Present for voting too: the minutes were confirmed on a unanimous show of hands.
    assert any("were unanimously confirmed as a correct record" in line for line in public.lines)
    assert public.pdf_matches_word
