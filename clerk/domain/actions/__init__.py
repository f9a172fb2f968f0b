"""Every action a clerk can record, by the name scripts and the journal use for it."""

from typing import Any

from clerk.domain.actions import (
    agenda,
    attendance,
    declarations,
    exclusion,
    importing,
    motions,
    paragraphs,
    proceedings,
    reports,
    tracker,
    votes,
)
from clerk.domain.actions.base import REGISTRY, Action, Context
from clerk.domain.errors import RecordFormatError
from clerk.domain.serial import from_json, to_json

__all__ = ["REGISTRY", "Action", "Context", "action_from_json", "action_to_json"]
_MODULES = (
    agenda,
    attendance,
    declarations,
    exclusion,
    importing,
    motions,
    paragraphs,
    proceedings,
    reports,
    tracker,
    votes,
)


def action_from_json(data: Any, path: str = "$") -> Action:
    """``{"action": "present", "person": "bye"}`` to a ``Present`` action."""
    if not isinstance(data, dict):
        raise RecordFormatError(path, 'must be an object with an "action" field')
    kind = data.get("action")
    if not isinstance(kind, str):
        raise RecordFormatError(f"{path}.action", "is missing (it names the action)")
    cls = REGISTRY.get(kind)
    if cls is None:
        raise RecordFormatError(
            f"{path}.action", f"'{kind}' is not an action Clerk knows; see docs/script-format.md"
        )
    params = {k: v for k, v in data.items() if k != "action"}
    return from_json(cls, params, path)


def action_to_json(action: Action) -> dict[str, Any]:
    body = to_json(action)
    return {"action": action.kind, **body}
