"""Placeholder reports for the demo's meeting of 20 September 2021, written for Clerk.

The seed's pack carries two officers' reports (items 6 and 7). The demo attaches stand-ins:
short reports on the same subjects, in Clerk's own words, made with Clerk's PDF renderer.
``python -m clerk.services.demo_reports`` rewrites ``resources/demo/reports/*.pdf``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from clerk.documents.model import (
    Document,
    Furniture,
    Heading,
    ListItem,
    Metadata,
    NumberedList,
    Para,
)
from clerk.documents.pdf import render_pdf
from clerk.fileio import write_bytes
from clerk.resources import resource

AUTHOR = "Torbay Council (placeholder written for the Clerk demo)"
NOTE = (
    "This is a placeholder written for the Clerk demonstration. It stands in for the "
    "officers' report published with the agenda and is not the council's report."
)


def _document(title: str, blocks: list[Heading | Para | NumberedList]) -> Document:
    return Document(
        metadata=Metadata(title=title, subject="Agenda report (demo)", author=AUTHOR),
        furniture=Furniture(running_left=title, running_right="Demo report", page_label=""),
        blocks=(Heading(title, level=0), Para(NOTE, italic=True), *blocks),
    )


def family_friendly_vision() -> Document:
    h, p = Heading, Para
    return _document(
        "Towards a Family Friendly Torbay",
        [
            h("1. Purpose", 1),
            p(
                "This report sets out early proposals for a shared vision that would make "
                "Torbay a better place for children, young people and their families, and asks "
                "the Board for its views before the proposals are developed further."
            ),
            h("2. Background", 1),
            p(
                "In 2018 the youth organisation Imagine This asked children and young people "
                "what would improve life in the Bay. The themes that came back most often were "
                "places to meet, less stress and anxiety, access for everyone, safer streets "
                "and care for the environment. Those themes are the starting point here."
            ),
            p(
                "The Strategic Partnership has agreed that no single organisation can deliver "
                "this on its own. Businesses, schools, the voluntary sector, the police and the "
                "council each hold part of the answer, and young people themselves should be "
                "involved in deciding what is done and in doing it."
            ),
            h("3. What the vision should avoid", 1),
            NumberedList(
                (
                    ListItem("Talking down to young people: their involvement must be real."),
                    ListItem("Confusion about who leads on what, and how success is measured."),
                    ListItem("One organisation doing everything while others look on."),
                    ListItem("Sign-up for appearance's sake rather than a wish to help."),
                )
            ),
            h("4. Proposed arrangements", 1),
            p(
                "A sub-group of the Strategic Partnership would steer the work, with members "
                "drawn from the voluntary sector, the council, the police and local business. "
                "It would agree a communications plan, develop an ambassador programme and "
                "oversee small task and finish groups, each with an action plan on a common "
                "template."
            ),
            p("Four priorities are proposed for the first task and finish groups:"),
            NumberedList(
                (
                    ListItem("Child exploitation, led by the police."),
                    ListItem("Early help, led by Children's Services."),
                    ListItem("Where I live, led by a representative of Imagine This."),
                    ListItem("Corporate parenting, led by Children's Services."),
                )
            ),
            h("5. Involving children and young people", 1),
            p(
                "Young people would be asked to help design the initiative's identity, to "
                "join the sub-group or present to the business forum, and to shape community "
                "events. Particular care would be taken to hear from groups that are often "
                "missed, such as children with special educational needs and disabilities, "
                "unaccompanied asylum-seeking children and care-experienced young people."
            ),
            h("6. Risks", 1),
            p(
                "The main risks are loss of momentum once the launch is over, and partners "
                "committing in principle without committing time. Regular reports from each "
                "task and finish group to the sub-group are proposed to manage both."
            ),
            h("7. Next steps", 1),
            p(
                "Subject to the Board's comments, the sub-group would be formed in the autumn "
                "and the first action plans brought back to the Board within six months."
            ),
        ],
    )


def leadership_review() -> Document:
    h, p = Heading, Para
    return _document(
        "Torbay Children's Services: A Review of Leadership, Management and Governance",
        [
            h("1. Introduction", 1),
            p(
                "The Chief Executive commissioned this review as part of her oversight of the "
                "Children's Services Improvement Plan. It was carried out by the Independent "
                "Chair of the Improvement Board and the Department for Education's Improvement "
                "Advisor between late July and early August 2021."
            ),
            h("2. How the review was carried out", 1),
            p(
                "The reviewers read the service's policies and performance data, interviewed "
                "managers, partners and elected members, and met front-line staff in focus "
                "groups. The approach followed the shape of an Ofsted inspection so that its "
                "findings would be useful preparation for one."
            ),
            h("3. Findings", 1),
            h("Leadership and direction", 2),
            p(
                "The service has a clear direction and a settled senior team, and the "
                "council's political and corporate leadership are visibly behind it. Spending "
                "is under control after years of overspends."
            ),
            h("The workforce", 2),
            p(
                "Recruitment and retention have improved: more posts are filled by permanent "
                "staff, turnover has fallen, and the social work academy is supporting newly "
                "qualified staff well. The reliance on agency staff remains a pressure."
            ),
            h("Systems and quality assurance", 2),
            p(
                "The new case management system went live in June 2021. It promises better "
                "information for practitioners and managers, but staff need short, practical "
                "training to use it well. Auditing of practice has been strengthened and is "
                "being made more systematic."
            ),
            h("Partnerships", 2),
            p(
                "Partners recognise the progress made and want the service to look outward "
                "more, working across the peninsula and the region. Some partnership boards "
                "overlap and would benefit from review. Access to child and adolescent mental "
                "health services is not sufficient and needs urgent attention."
            ),
            h("4. Conclusion", 1),
            p(
                "The service has moved beyond crisis management. The task now is to secure "
                "the gains, finish the work in progress and build a fully integrated service "
                "for children and families."
            ),
            h("5. Recommendations", 1),
            NumberedList(
                (
                    ListItem("Recruit to vacant senior posts to form a permanent leadership team."),
                    ListItem("Continue the recruitment and retention programme."),
                    ListItem("Develop work with the voluntary sector and statutory partners."),
                    ListItem("Train staff in the new case management system."),
                    ListItem("Implement the revised quality assurance framework in full."),
                    ListItem("Complete the review of partnership board arrangements."),
                    ListItem("Begin work on a fully integrated Children's Service."),
                    ListItem("Act urgently on the sufficiency of mental health provision."),
                )
            ),
        ],
    )


#: The demo's reports: file name -> the document it is made from.
REPORTS = {
    "family-friendly-vision.pdf": family_friendly_vision,
    "leadership-management-governance-review.pdf": leadership_review,
}


def write_reports(folder: Path) -> list[Path]:
    return [write_bytes(folder / name, render_pdf(make())) for name, make in REPORTS.items()]


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else resource("demo", "reports")
    target.mkdir(parents=True, exist_ok=True)
    for path in write_reports(target):
        print(path)
