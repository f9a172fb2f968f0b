"""Domain entities to table values and back, field by field, by the entity's type hints."""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from clerk.domain.entities import Committee, Membership, QuorumRule
from clerk.domain.enums import CommitteeKind, QuorumKind
from clerk.domain.serial import field_types, from_json, to_json

T = TypeVar("T")


def is_structured(tp: Any) -> bool:
    """Tuples and nested dataclasses are stored as JSON."""
    args = [a for a in typing.get_args(tp) if a is not type(None)]
    if typing.get_origin(tp) in (typing.Union, __import__("types").UnionType) and args:
        tp = args[0]
    return typing.get_origin(tp) is tuple or dataclasses.is_dataclass(tp)


def _enum_type(tp: Any) -> type[Enum] | None:
    candidates = [tp, *typing.get_args(tp)]
    for candidate in candidates:
        if isinstance(candidate, type) and issubclass(candidate, Enum):
            return candidate
    return None


@dataclass(frozen=True)
class _Field:
    name: str
    tp: Any
    structured: bool
    enum: type[Enum] | None


_PLANS: dict[type, tuple[_Field, ...]] = {}


def _plan(cls: type) -> tuple[_Field, ...]:
    """How each field of an entity type is stored, worked out once per type."""
    plan = _PLANS.get(cls)
    if plan is None:
        hints = field_types(cls)
        plan = _PLANS[cls] = tuple(
            _Field(f.name, hints[f.name], is_structured(hints[f.name]), _enum_type(hints[f.name]))
            for f in dataclasses.fields(cls)
        )
    return plan


def to_values(entity: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f in _plan(type(entity)):
        if f.name in skip:
            continue
        value = getattr(entity, f.name)
        if f.structured:
            values[f.name] = to_json(value)
        elif isinstance(value, Enum):
            values[f.name] = value.value
        else:
            values[f.name] = value
    return values


def from_values(cls: type[T], values: typing.Mapping[Any, Any], **extra: Any) -> T:
    kwargs: dict[str, Any] = {}
    for f in _plan(cls):
        if f.name in extra:
            kwargs[f.name] = extra[f.name]
            continue
        value = values[f.name]
        if value is not None and f.structured:
            value = from_json(f.tp, value, f"{cls.__name__}.{f.name}")
        elif value is not None and f.enum is not None:
            value = f.enum(value)
        kwargs[f.name] = value
    return cls(**kwargs)


def committee_from(row: Any, memberships: tuple[Membership, ...]) -> Committee:
    """A committee from its stored row (SQLAlchemy's or ``sqlite3``'s): one builder for both
    readers, so a column added to one cannot be missed by the other."""
    return Committee(
        slug=row["slug"],
        name=row["name"],
        kind=CommitteeKind(row["kind"]),
        calls_itself=row["calls_itself"],
        quorum=QuorumRule(
            QuorumKind(row["quorum_kind"]), row["quorum_value"], row["quorum_denominator"]
        ),
        signatory_title=row["signatory_title"],
        memberships=memberships,
        lists_non_voting_co_optees=bool(row["lists_non_voting_co_optees"]),
        moderngov_id=row["moderngov_id"],
        minute_prefix=row["minute_prefix"],
    )
