"""Counting a vote: reconciliation, the casting vote and "unanimously".

Decisions are by a simple majority of those present and voting; on a tie the person presiding
has a second, casting vote (Local Government Act 1972, Schedule 12, paragraph 39).
"""

from collections.abc import Sequence
from dataclasses import dataclass

from clerk.domain.entities import VoteChoice
from clerk.domain.enums import VoteOption, VoteResult
from clerk.domain.errors import RuleViolation

#: The words for a result, wherever it is said: "carried", "lost".
RESULT_WORDS = {VoteResult.PASS: "carried", VoteResult.FAIL: "lost"}


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    abstain: int

    @property
    def tied(self) -> bool:
        return self.yes == self.no

    @property
    def unanimous(self) -> bool:
        return self.yes > 0 and self.no == 0 and self.abstain == 0


def tally_choices(choices: Sequence[VoteChoice]) -> Tally:
    return Tally(
        yes=sum(1 for c in choices if c.option is VoteOption.YES),
        no=sum(1 for c in choices if c.option is VoteOption.NO),
        abstain=sum(1 for c in choices if c.option is VoteOption.ABSTAIN),
    )


def check_counts(tally: Tally, eligible: int) -> None:
    """Refuse counts that cannot be right for the members eligible to vote."""
    for label, value in (
        ("voting for", tally.yes),
        ("voting against", tally.no),
        ("abstaining", tally.abstain),
    ):
        if value < 0:
            raise RuleViolation(f"The number {label} cannot be negative ({value}).")
    total = tally.yes + tally.no + tally.abstain
    if total > eligible:
        raise RuleViolation(
            f"{tally.yes} for + {tally.no} against + {tally.abstain} abstaining = {total}, "
            f"but only {eligible} members present are eligible to vote."
        )
    if total == 0:
        raise RuleViolation(
            "No votes were recorded: enter the counts, give the result as declared, or record "
            "assent."
        )


def decide(tally: Tally, casting_option: VoteOption | None) -> VoteResult:
    """The result; a tie needs the casting vote of the person presiding."""
    if tally.yes > tally.no:
        result = VoteResult.PASS
    elif tally.no > tally.yes:
        result = VoteResult.FAIL
    elif casting_option is None:
        raise RuleViolation(
            f"The vote is tied ({tally.yes} to {tally.no}): "
            "record the casting vote of the person presiding."
        )
    elif casting_option is VoteOption.YES:
        return VoteResult.PASS
    elif casting_option is VoteOption.NO:
        return VoteResult.FAIL
    else:
        raise RuleViolation("A casting vote must be for or against.")
    if casting_option is not None:
        raise RuleViolation("A casting vote is recorded only when the votes are equal.")
    return result
