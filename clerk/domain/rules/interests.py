"""The categories of interest in a council's code of conduct: printed wording, consequence.

Each code has its own categories (the defaults below); a council may rename one or add its own
in Set up (``CouncilProfile.interest_categories``). Whatever a category is called, the statutory
consequence stays: a disclosable pecuniary interest (``pecuniary``) withdraws the member from
the item unless a dispensation is recorded (Localism Act 2011, s.31). Predetermination and a
statement that is not an interest are available under every code.
"""

from __future__ import annotations

from clerk.domain.entities import CouncilProfile, Declaration, InterestCategory
from clerk.domain.enums import CodeOfConduct, InterestConduct, InterestKind
from clerk.domain.errors import RuleViolation

LEFT, SPOKE, STAYED = (
    InterestConduct.LEFT,
    InterestConduct.SPOKE_THEN_LEFT,
    InterestConduct.STAYED,
)


def _dpi() -> InterestCategory:
    return InterestCategory(
        InterestKind.DISCLOSABLE_PECUNIARY.value,
        "a disclosable pecuniary interest",
        "disclosable pecuniary interests",
        LEFT,
        pecuniary=True,
    )


def _personal() -> InterestCategory:
    return InterestCategory(
        InterestKind.PERSONAL.value, "a personal interest", "personal interests", STAYED
    )


def _prejudicial() -> InterestCategory:
    return InterestCategory(
        InterestKind.PERSONAL_PREJUDICIAL.value,
        "a personal and prejudicial interest",
        "personal and prejudicial interests",
        SPOKE,
    )


DEFAULT_CATEGORIES: dict[CodeOfConduct, tuple[InterestCategory, ...]] = {
    CodeOfConduct.LGA_MODEL_2020: (
        _dpi(),
        InterestCategory(
            InterestKind.OTHER_REGISTRABLE.value,
            "an other registrable interest",
            "other registrable interests",
            STAYED,
        ),
        InterestCategory(
            InterestKind.NON_REGISTRABLE.value,
            "a non-registrable interest",
            "non-registrable interests",
            STAYED,
        ),
    ),
    CodeOfConduct.PECUNIARY_NON_PECUNIARY: (
        _dpi(),
        InterestCategory(
            InterestKind.NON_PECUNIARY.value,
            "a non-pecuniary interest",
            "non-pecuniary interests",
            STAYED,
        ),
    ),
    CodeOfConduct.PERSONAL_PREJUDICIAL: (
        _dpi(),
        _personal(),
        _prejudicial(),
        InterestCategory(
            InterestKind.SIGNIFICANT_OTHER.value,
            "a significant other interest",
            "significant other interests",
            LEFT,
        ),
        InterestCategory(
            InterestKind.NON_PECUNIARY.value,
            "a non-pecuniary interest",
            "non-pecuniary interests",
            STAYED,
        ),
    ),
    CodeOfConduct.WELSH_MODEL: (_personal(), _prejudicial()),
}

#: Under every code: not categories of interest in the code, but declared all the same.
ALWAYS = (
    InterestCategory(
        InterestKind.PREDETERMINATION.value,
        "that they had predetermined the matter",
        "that they had predetermined the matter",
        STAYED,
    ),
    InterestCategory(InterestKind.STATEMENT.value, "a statement", "statements", STAYED),
)


def categories(council: CouncilProfile) -> tuple[InterestCategory, ...]:
    """The council's categories (its own, else its code's), then predetermination and a
    statement."""
    own = council.interest_categories or DEFAULT_CATEGORIES[council.code_of_conduct]
    keys = {c.key for c in own}
    return own + tuple(c for c in ALWAYS if c.key not in keys)


def find_category(council: CouncilProfile, key: str) -> InterestCategory | None:
    return next((c for c in categories(council) if c.key == key), None)


def kind_of(category: InterestCategory) -> InterestKind:
    """The statutory kind a category is: its key when it is one, else "other"."""
    if category.pecuniary:
        return InterestKind.DISCLOSABLE_PECUNIARY
    try:
        return InterestKind(category.key)
    except ValueError:
        return InterestKind.OTHER


def resolve(
    council: CouncilProfile, interest: InterestKind | None, key: str
) -> tuple[InterestCategory, InterestKind]:
    """The category a declaration names (by key, or by its kind), refused when the council's
    code has no such category."""
    wanted = key.strip() or (interest.value if interest is not None else "")
    if not wanted:
        raise RuleViolation("Say which kind of interest is declared.")
    category = find_category(council, wanted)
    if category is None and interest is not None and not key.strip():
        # A pecuniary interest by its statutory name, though the council renamed it.
        category = next(
            (c for c in categories(council) if kind_of(c) is interest and c.pecuniary), None
        )
    if category is None:
        allowed = ", ".join(c.key for c in categories(council))
        raise RuleViolation(
            f"The council's code of conduct ({council.code_of_conduct.value}) has no "
            f"'{wanted}' interest; it knows: {allowed}."
        )
    kind = kind_of(category)
    if interest is not None and key.strip() and interest is not kind:
        raise RuleViolation(
            f"The category '{category.key}' is a {kind.value} interest, not {interest.value}."
        )
    return category, kind


def declaration_category(council: CouncilProfile, declaration: Declaration) -> InterestCategory:
    """The category a recorded declaration is printed with (its own, else its kind's)."""
    found = find_category(council, declaration.category or declaration.kind.value)
    if found is not None:
        return found
    for code_categories in DEFAULT_CATEGORIES.values():
        for category in code_categories:
            if category.key == declaration.kind.value:
                return category
    return InterestCategory(
        declaration.kind.value, f"an interest ({declaration.category or declaration.kind.value})"
    )


#: How the set-up page names each consequence, one line per category.
CONSEQUENCES: dict[str, tuple[InterestConduct, bool]] = {
    "stays": (STAYED, False),
    "stays but takes no part": (InterestConduct.TOOK_NO_PART, False),
    "speaks then leaves": (SPOKE, False),
    "leaves": (LEFT, False),
    "pecuniary (leaves unless dispensed)": (LEFT, True),
}


def categories_text(council: CouncilProfile) -> str:
    """The council's categories, one a line: "key | wording | plural | consequence"."""
    lines = []
    for category in council.interest_categories or DEFAULT_CATEGORIES[council.code_of_conduct]:
        consequence = next(
            name
            for name, (conduct, pecuniary) in CONSEQUENCES.items()
            if pecuniary == category.pecuniary and (pecuniary or conduct is category.conduct)
        )
        plural = category.plural or category.wording
        lines.append(f"{category.key} | {category.wording} | {plural} | {consequence}")
    return "\n".join(lines)


def parse_categories(text: str, code: CodeOfConduct) -> tuple[InterestCategory, ...]:
    """Set up's lines back into categories; the code's own when unchanged (so a change of code
    brings its categories), refused with the line at fault."""
    found: list[InterestCategory] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != 4 or not all(fields[:2]):
            raise RuleViolation(
                f"Line {number} of the interest categories needs four parts: "
                "key | wording | plural | consequence."
            )
        key, wording, plural, consequence = fields
        if consequence not in CONSEQUENCES:
            choices = ", ".join(f"'{c}'" for c in CONSEQUENCES)
            raise RuleViolation(f"Line {number}: the consequence must be one of {choices}.")
        if any(c.key == key for c in found):
            raise RuleViolation(f"Line {number}: the key '{key}' is used twice.")
        conduct, pecuniary = CONSEQUENCES[consequence]
        found.append(InterestCategory(key, wording, plural or wording, conduct, pecuniary))
    result = tuple(found)
    return () if result == DEFAULT_CATEGORIES[code] else result
