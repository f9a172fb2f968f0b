"""Words for synthetic councils: names, parties, committees, report titles and minute text.

Drawn from the house style of English council minutes (see the Torbay seed): report titles
like those on real agendas, minute paragraphs in the reported-speech register, actions and
tracker comments as democratic services write them.
"""

from __future__ import annotations

from dataclasses import dataclass

from clerk.domain.enums import CommitteeKind

PLACES = (
    "Hartmoor",
    "Castlebridge",
    "Westerleigh",
    "Ambleford",
    "Kingsmere",
    "Thornbury Vale",
    "Redcliffe",
    "Ashcombe",
)

FORENAMES = (
    "Alan", "Alison", "Amanda", "Andrew", "Angela", "Anne", "Barry", "Brian", "Carol",
    "Catherine", "Christine", "Claire", "Colin", "David", "Deborah", "Derek", "Diane",
    "Elizabeth", "Emma", "Gareth", "Gillian", "Graham", "Hannah", "Helen", "Ian", "Jacqueline",
    "James", "Janet", "Jennifer", "John", "Jonathan", "Julie", "Karen", "Keith", "Kevin",
    "Laura", "Linda", "Lorraine", "Margaret", "Mark", "Martin", "Michael", "Nicola", "Nigel",
    "Patricia", "Paul", "Peter", "Philip", "Rachel", "Richard", "Robert", "Ruth", "Sarah",
    "Sharon", "Simon", "Stephen", "Susan", "Thomas", "Timothy", "Tracey", "Vanessa", "William",
)  # fmt: skip

SURNAMES = (
    "Atkins", "Bailey", "Barnes", "Bennett", "Bishop", "Bradley", "Brooks", "Burton",
    "Carter", "Chapman", "Clarke", "Coleman", "Cooper", "Cox", "Davies", "Dawson", "Dixon",
    "Doyle", "Edwards", "Elliott", "Ellis", "Fisher", "Fletcher", "Foster", "Fox", "Gibson",
    "Gordon", "Graham", "Grant", "Gray", "Hall", "Hamilton", "Harding", "Harper", "Harvey",
    "Hawkins", "Hayes", "Henderson", "Hill", "Holmes", "Hopkins", "Howard", "Hudson", "Hughes",
    "Hunt", "Jenkins", "Jennings", "Kelly", "Kennedy", "Knight", "Lambert", "Lane", "Lawrence",
    "Lloyd", "Lucas", "Marshall", "Mason", "Matthews", "Mills", "Mitchell", "Moore", "Morgan",
    "Morris", "Murray", "Newman", "Nicholls", "Owen", "Palmer", "Parker", "Payne", "Pearce",
    "Pearson", "Perry", "Phillips", "Porter", "Powell", "Price", "Reid", "Reynolds", "Richards",
    "Robertson", "Rogers", "Rose", "Russell", "Saunders", "Shaw", "Simpson", "Spencer",
    "Stevens", "Stone", "Sutton", "Thompson", "Tucker", "Turner", "Walker", "Wallace", "Ward",
    "Watts", "Webb", "Wells", "West", "Wheeler", "Whitehead", "Wilkinson", "Willis", "Wood",
    "Woods", "Wright", "Young", "Douglas-Dunbar", "Fox-Lane", "St John",
)  # fmt: skip

#: Political groups and their relative strength on the council.
GROUPS = (
    ("Conservative Group", 9),
    ("Liberal Democrat Group", 7),
    ("Labour Group", 5),
    ("Independent Group", 3),
    ("Green Group", 1),
)

OFFICER_TITLES = (
    "Chief Executive",
    "Director of Children's Services",
    "Director of Adult Social Care",
    "Director of Public Health",
    "Director of Place",
    "Chief Finance Officer",
    "Head of Legal Services",
    "Monitoring Officer",
    "Democratic Services Team Leader",
    "Governance Support Officer",
    "Head of Planning",
    "Principal Planning Officer",
    "Licensing Manager",
    "Head of Housing",
    "Head of Highways and Transport",
    "Head of Internal Audit",
    "Head of Human Resources",
    "Head of Regulated Services",
    "Assistant Director of Education, Learning and Skills",
    "Head of Environmental Health",
    "Head of Community Safety",
    "Head of Revenues and Benefits",
    "Strategic Commissioning Manager",
    "Head of Policy and Performance",
    "Harbour Master",
    "Climate Emergency Officer",
    "Head of Economic Development",
    "Exploitation Team Manager",
)

#: Co-optees of a committee that scrutinises education: (represents, role-kind).
EDUCATION_CO_OPTEES = (
    "Church of England Diocesan Representative",
    "Roman Catholic Diocesan Representative",
    "Primary Parent Governor Representative",
    "Secondary Parent Governor Representative",
)
NON_VOTING_CO_OPTEES = (
    "Devon and Cornwall Police",
    "Healthwatch",
    "Voluntary Sector Network",
)


@dataclass(frozen=True)
class CommitteeType:
    name: str
    kind: CommitteeKind
    calls_itself: str
    size: int
    topics: str
    education: bool = False
    #: Fixed quorum; 0 means a quarter of the seats (as for full Council).
    quorum: int = 3


COMMITTEES = (
    CommitteeType("Council", CommitteeKind.COUNCIL, "Council", 0, "council", quorum=0),
    CommitteeType("Cabinet", CommitteeKind.CABINET, "Cabinet", 8, "cabinet"),
    CommitteeType("Planning Committee", CommitteeKind.PLANNING, "Committee", 11, "planning"),
    CommitteeType("Licensing Committee", CommitteeKind.LICENSING, "Committee", 15, "licensing"),
    CommitteeType(
        "Overview and Scrutiny Board", CommitteeKind.OVERVIEW_AND_SCRUTINY, "Board", 9, "scrutiny"
    ),
    CommitteeType(
        "Children and Young People's Overview and Scrutiny Board",
        CommitteeKind.OVERVIEW_AND_SCRUTINY,
        "Board",
        7,
        "children",
        education=True,
    ),
    CommitteeType(
        "Adult Social Care and Health Overview and Scrutiny Sub-Board",
        CommitteeKind.OVERVIEW_AND_SCRUTINY,
        "Sub-Board",
        7,
        "health",
    ),
    CommitteeType("Audit Committee", CommitteeKind.OTHER, "Committee", 7, "audit"),
    CommitteeType("Standards Committee", CommitteeKind.OTHER, "Committee", 7, "standards"),
    CommitteeType("Employment Committee", CommitteeKind.OTHER, "Committee", 5, "employment"),
    CommitteeType("Harbour Committee", CommitteeKind.OTHER, "Committee", 9, "harbour"),
    CommitteeType("Corporate Parenting Board", CommitteeKind.OTHER, "Board", 7, "children"),
    CommitteeType("Health and Wellbeing Board", CommitteeKind.OTHER, "Board", 7, "health"),
    CommitteeType("Pensions Committee", CommitteeKind.OTHER, "Committee", 5, "finance"),
    CommitteeType(
        "Development Management Committee", CommitteeKind.PLANNING, "Committee", 11, "planning"
    ),
    CommitteeType(
        "Licensing Sub-Committee", CommitteeKind.LICENSING, "Sub-Committee", 5, "licensing"
    ),
    CommitteeType("Housing Scrutiny Panel", CommitteeKind.OTHER, "Panel", 7, "housing"),
    CommitteeType("Transport Advisory Panel", CommitteeKind.OTHER, "Panel", 7, "transport"),
    CommitteeType("Climate Change Committee", CommitteeKind.OTHER, "Committee", 7, "climate"),
    CommitteeType(
        "Community Safety Partnership Committee", CommitteeKind.OTHER, "Committee", 7, "safety"
    ),
    CommitteeType("Budget Scrutiny Panel", CommitteeKind.OTHER, "Panel", 7, "finance"),
    CommitteeType("Schools Forum", CommitteeKind.OTHER, "Forum", 7, "children", education=True),
    CommitteeType(
        "Economic Regeneration Committee", CommitteeKind.OTHER, "Committee", 9, "economy"
    ),
    CommitteeType("Appeals Committee", CommitteeKind.OTHER, "Committee", 5, "employment"),
    CommitteeType(
        "Constitution Working Party", CommitteeKind.OTHER, "Working Party", 7, "standards"
    ),
    CommitteeType("Member Development Group", CommitteeKind.OTHER, "Group", 5, "standards"),
    CommitteeType("Environment Scrutiny Panel", CommitteeKind.OTHER, "Panel", 7, "climate"),
    CommitteeType("Place Scrutiny Panel", CommitteeKind.OTHER, "Panel", 7, "economy"),
    CommitteeType("Culture and Leisure Committee", CommitteeKind.OTHER, "Committee", 7, "culture"),
    CommitteeType("Audit and Governance Committee", CommitteeKind.OTHER, "Committee", 7, "audit"),
)

#: Report titles by topic; "{year}" and "{quarter}" are filled in per meeting.
TOPICS: dict[str, tuple[str, ...]] = {
    "council": (
        "Revenue Budget and Council Tax {year}",
        "Capital Investment Plan {year}",
        "Treasury Management Strategy {year}",
        "Recommendations from the Cabinet",
        "Notice of Motion - Climate Emergency",
        "Notice of Motion - Cost of Living Support",
        "Review of the Constitution",
        "Pay Policy Statement {year}",
        "Members' Allowances Scheme",
        "Questions from Members of the Public",
        "Overview and Scrutiny Annual Report",
        "Local Plan - Adoption",
    ),
    "cabinet": (
        "Budget Monitoring - Quarter {quarter}",
        "Housing Delivery Plan",
        "Disposal of Land at Brunel Road",
        "Waste and Recycling Contract",
        "Economic Growth Strategy",
        "Corporate Plan Performance Report - Quarter {quarter}",
        "Fees and Charges {year}",
        "Procurement of Leisure Services",
    ),
    "planning": (
        "Planning Application P/{year}/0412 - Land off Collaton Road",
        "Planning Application P/{year}/0877 - Former Gasworks Site, Harbour Side",
        "Planning Application P/{year}/1103 - 14 Higher Street",
        "Planning Application P/{year}/0259 - Orchard Farm, Mill Lane",
        "Planning Appeals Update",
        "Tree Preservation Order - The Paddocks",
        "Enforcement Update",
    ),
    "licensing": (
        "Review of the Statement of Licensing Policy",
        "Hackney Carriage Fares Review",
        "Application for a Premises Licence - The Anchor Inn",
        "Gambling Act 2005 - Statement of Principles",
        "Street Trading Policy",
        "Sex Establishment Licensing Policy",
    ),
    "scrutiny": (
        "Budget Monitoring - Quarter {quarter}",
        "Review of the Council's Customer Contact",
        "Call-in of a Cabinet Decision",
        "Overview and Scrutiny Work Programme {year}",
        "Performance Report - Quarter {quarter}",
        "Community Infrastructure Levy",
    ),
    "children": (
        "Corporate Parenting Strategy",
        "Exploitation Update",
        "Children's Services Improvement Plan",
        "School Place Planning",
        "Special Educational Needs and Disabilities Update",
        "Elective Home Education",
        "Youth Justice Plan {year}",
        "Family Friendly Vision",
    ),
    "health": (
        "Joint Strategic Needs Assessment",
        "Adult Social Care Performance",
        "Mental Health Services for Adults",
        "Public Health Annual Report {year}",
        "Hospital Discharge Arrangements",
        "Better Care Fund Plan",
    ),
    "audit": (
        "Internal Audit Progress Report",
        "Annual Governance Statement {year}",
        "External Audit Findings",
        "Risk Management Update",
        "Statement of Accounts {year}",
        "Counter Fraud Annual Report",
    ),
    "standards": (
        "Code of Conduct Complaints Update",
        "Review of the Member Code of Conduct",
        "Register of Members' Interests",
        "Member Training Programme",
        "Review of Contract Procedure Rules",
    ),
    "employment": (
        "Pay Policy Statement {year}",
        "Workforce Report - Quarter {quarter}",
        "Appointment of a Director",
        "Staff Survey Results",
        "Restructure of Regulatory Services",
    ),
    "harbour": (
        "Harbour Budget Monitoring - Quarter {quarter}",
        "Harbour Fees and Charges {year}",
        "Port Marine Safety Code",
        "Fish Quay Redevelopment",
        "Harbour Master's Report",
    ),
    "finance": (
        "Budget Monitoring - Quarter {quarter}",
        "Investment Strategy Review",
        "Medium Term Resource Plan",
        "Fees and Charges {year}",
        "Capital Programme Update",
    ),
    "housing": (
        "Housing Strategy Update",
        "Homelessness and Rough Sleeping",
        "Private Sector Housing Standards",
        "Affordable Housing Delivery",
        "Temporary Accommodation",
    ),
    "transport": (
        "Highways Maintenance Programme {year}",
        "Parking Review",
        "Local Cycling and Walking Infrastructure Plan",
        "Bus Service Improvement Plan",
        "Road Safety Update",
    ),
    "climate": (
        "Climate Emergency Action Plan",
        "Air Quality Annual Status Report",
        "Waste Reduction Strategy",
        "Tree and Woodland Strategy",
        "Flood Risk Management Update",
    ),
    "safety": (
        "Community Safety Partnership Plan",
        "Domestic Abuse Strategy",
        "Anti-Social Behaviour Update",
        "Serious Violence Duty",
        "CCTV Review",
    ),
    "economy": (
        "Town Centre Regeneration Programme",
        "Economic Growth Strategy",
        "Levelling Up Fund Bid",
        "Tourism and Visitor Economy",
        "Employment and Skills Plan",
    ),
    "culture": (
        "Library Services Review",
        "Events Programme {year}",
        "Museums and Heritage Strategy",
        "Leisure Centre Contract",
        "Parks and Open Spaces",
    ),
}

#: Part II items: (title, Schedule 12A paragraph).
EXEMPT_TOPICS = (
    ("Disposal of Council Land - Terms of Sale", 3),
    ("Staffing Matter", 1),
    ("Contract Award - Commercial Terms", 3),
    ("Legal Proceedings - Advice", 5),
    ("Debt Write-Offs", 2),
    ("Investigation Report", 7),
)

PURPOSES = (
    "To consider the submitted report on {topic} and the recommendations set out in it.",
    "To receive an update on {topic} and to consider any further action required.",
    "To consider the findings of the review of {topic}.",
    "To scrutinise the proposals for {topic} before they are presented to the Cabinet.",
)

PREAMBLES = {
    CommitteeKind.OVERVIEW_AND_SCRUTINY: "That the Cabinet be recommended:",
    CommitteeKind.COUNCIL: "",
    CommitteeKind.CABINET: "",
    CommitteeKind.PLANNING: "",
    CommitteeKind.LICENSING: "",
    CommitteeKind.OTHER: "",
}

RECOMMENDATIONS = (
    "to note the report on {topic};",
    "to approve the proposals for {topic} as set out in the submitted report;",
    "that officers bring a further report on {topic} to a future meeting;",
    "that the {officer} be asked to circulate a briefing note on {topic} to all Members;",
    "to agree the revised timetable for {topic};",
    "that {topic} be added to the work programme;",
    "to endorse the approach set out in Appendix 1 to the report;",
    "that the Chief Executive, in consultation with the Leader, be given delegated authority "
    "to finalise the arrangements for {topic}.",
)

SUB_PARTS = (
    "the progress made against each of the agreed milestones;",
    "the financial implications for the current and following year; and",
    "the views of the partners and of the people who use the services.",
)

#: The first paragraph of an item's minute: the report presented.
OPENINGS = (
    "The {officer}, {name}, presented the submitted report on {topic}. Members noted the "
    "progress made since the last report and the challenges that remained.",
    "The {body} considered the submitted report on {topic}, which was introduced by the "
    "{officer}, {name}.",
    "Further to the last meeting of the {body}, the {officer}, {name}, outlined the submitted "
    "report on {topic} and the options set out in it.",
)

#: Paragraphs that follow: the discussion.
PARAGRAPHS = (
    "Members asked questions in relation to {topic}, including the resources available, the "
    "timescales for delivery and how the views of residents had been taken into account.",
    "In response, the {officer} advised that the proposals had been developed with partners "
    "and would be reviewed after twelve months, with a further report to the {body}.",
    "Members raised concern about the effect of the proposals on rural communities and asked "
    "that the equality impact assessment be updated before any final decision was taken.",
    "The {body} welcomed the report and thanked the officers for their work on {topic}.",
    "It was noted that the figures in Appendix 2 had been revised since the publication of the "
    "agenda and that an updated appendix had been circulated to Members.",
    "Councillor {member} proposed that the recommendations be amended to require a further "
    "report within six months; this was not supported by the {body}.",
    "Members discussed the risks set out in the report and were advised that the risk register "
    "would be reviewed by the Audit Committee at its next meeting.",
)

ACTIONS = (
    "the {officer} to circulate a briefing note on {topic} to all Members.",
    "{topic} to be added to the work programme for a further update in six months.",
    "the {officer} to provide the figures requested by Members on {topic}.",
    "the {officer} to arrange a site visit for Members in connection with {topic}.",
    "the {officer} to report back on the outcome of the consultation on {topic}.",
)

COMMENTS_IN_PROGRESS = (
    "Added to work programme.",
    "Officers are preparing the information requested.",
    "Scheduled for the next meeting.",
)
COMMENTS_COMPLETE = (
    "Complete - emailed {day}",
    "Complete - briefing note circulated {day}",
    "Complete - reported to the meeting of {day}",
)

VENUES = (
    "Meadfoot Room - Town Hall",
    "Council Chamber - Town Hall",
    "Rosewarne Room - Civic Offices",
    "Committee Room 2 - Civic Offices",
)
