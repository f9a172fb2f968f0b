"""The agenda of a synthetic meeting: the standard items, then business items with report
pages, invited officers and numbered recommendations.
"""

from __future__ import annotations

import random
from datetime import date

from clerk.domain.actions.agenda import AddItem
from clerk.domain.entities import Part
from clerk.domain.enums import MeetingKind, StandardItem
from clerk_support.synthetic.council import SyntheticCouncil
from clerk_support.synthetic.recorder import MeetingShape, Recorder
from clerk_support.synthetic.vocabulary import (
    EXEMPT_TOPICS,
    PURPOSES,
    RECOMMENDATIONS,
    SUB_PARTS,
    TOPICS,
    CommitteeType,
)

STANDARD = (
    (StandardItem.APOLOGIES, "Apologies", "To receive apologies for absence, including "
     "notifications of any changes to the membership of the {body}."),
    (StandardItem.MINUTES, "Minutes", "To confirm as a correct record the Minutes of the "
     "previous meeting of the {body}."),
    (StandardItem.DECLARATIONS, "Declarations of Interest", "To receive declarations of non "
     "pecuniary interests and of disclosable pecuniary interests in respect of items on this "
     "agenda."),
    (StandardItem.URGENT, "Urgent Items", "To consider any other items that the Chairman "
     "decides are urgent."),
)  # fmt: skip


def add_agenda(
    clerk: Recorder,
    council: SyntheticCouncil,
    ctype: CommitteeType,
    shape: MeetingShape,
    rng: random.Random,
    kind: MeetingKind,
    previous: date | None,
) -> None:
    body = clerk.record.committee.calls_itself
    number = 0
    for standard, title, purpose in STANDARD:
        if standard is StandardItem.MINUTES and (
            previous is None or kind is MeetingKind.EXTRAORDINARY
        ):
            continue
        number += 1
        clerk.do(AddItem(str(number), title, standard, purpose.format(body=body)))
    day = clerk.record.meeting.date
    year = (
        f"{day.year}/{(day.year + 1) % 100:02d}"
        if day.month >= 5
        else f"{day.year - 1}/{day.year % 100:02d}"
    )
    quarter = (day.month - 4) // 3 % 4 + 1
    pool = list(TOPICS[ctype.topics])
    rng.shuffle(pool)
    others = [t for key, titles in TOPICS.items() if key != ctype.topics for t in titles]
    rng.shuffle(others)
    pool += others
    titles = [
        pool[i % len(pool)].format(year=year, quarter=quarter) for i in range(shape.business_items)
    ]
    exempt = rng.random() < shape.exempt
    page = 3
    for index, title in enumerate(titles):
        number += 1
        paragraph = None
        if exempt and index == len(titles) - 1:
            title, paragraph = rng.choice(EXEMPT_TOPICS)
        pages = rng.randint(2, 14)
        topic = title.split(" - ")[0]
        officers = rng.sample(council.officers, rng.randint(0, 2))
        clerk.do(
            AddItem(
                number=str(number),
                title=title,
                purpose=rng.choice(PURPOSES).format(topic=topic),
                report_pages=f"{page} - {page + pages}",
                invited_officers=tuple(
                    f"{council.persons[o].name}, {council.persons[o].job_title}" for o in officers
                ),
                recommendations=_recommendations(council, topic, rng),
                exempt_paragraph=paragraph,
                title_is_public=paragraph is None or rng.random() < 0.7,
                education=ctype.education and rng.random() < 0.5,
            )
        )
        page += pages + 1


def _recommendations(council: SyntheticCouncil, topic: str, rng: random.Random) -> tuple[Part, ...]:
    """Numbered parts punctuated as minutes are: "...;", "...; and", "..."."""
    officer = council.persons[rng.choice(council.officers)].job_title
    texts = [
        t.format(topic=topic, officer=officer).rstrip(";.")
        for t in rng.sample(RECOMMENDATIONS, rng.randint(1, 3))
    ]
    ends = [";"] * (len(texts) - 2) + ["; and"] * (len(texts) > 1) + ["."]
    parts = [Part(text + end) for text, end in zip(texts, ends, strict=True)]
    if rng.random() < 0.15:
        parts[0] = Part(
            f"that a further report on {topic} be brought to the next meeting, to include:",
            tuple(Part(s) for s in SUB_PARTS),
        )
    return tuple(parts)
