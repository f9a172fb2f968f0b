"""The JSON Schema of the meeting record, generated from the same dataclasses that read it.

``python -m clerk.services.record_schema > resources/schema/meeting-record.schema.json``
rebuilds the committed file; a test keeps the two identical.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from clerk.domain.serial import field_types
from clerk.services.record_document import FORMAT, VERSION, RecordDocument

SCHEMA_ID = "https://clerk.example/schema/meeting-record-1.json"


def _schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        options = [_schema(a, defs) for a in typing.get_args(tp) if a is not type(None)]
        nullable = type(None) in typing.get_args(tp)
        schema = options[0] if len(options) == 1 else {"anyOf": options}
        return {"anyOf": [schema, {"type": "null"}]} if nullable else schema
    if origin is tuple:
        return {"type": "array", "items": _schema(typing.get_args(tp)[0], defs)}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder against recursion (Part contains Parts)
            hints = field_types(tp)
            properties = {f.name: _schema(hints[f.name], defs) for f in dataclasses.fields(tp)}
            required = [
                f.name
                for f in dataclasses.fields(tp)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            ]
            defs[name] = {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [member.value for member in tp]}
    simple: dict[Any, dict[str, Any]] = {
        str: {"type": "string"},
        bool: {"type": "boolean"},
        int: {"type": "integer"},
        date: {"type": "string", "format": "date"},
        time: {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?$"},
        datetime: {"type": "string", "format": "date-time"},
    }
    if tp in simple:
        return simple[tp]
    raise TypeError(f"no schema for {tp!r}")


def meeting_record_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    _schema(RecordDocument, defs)
    body = dict(defs.pop("RecordDocument"))
    body["properties"] = {
        **body["properties"],
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Clerk meeting record",
        "description": (
            "One council committee meeting with its committee, membership and everything "
            "recorded at it. Popolo / Open Civic Data names where they exist; UK local "
            "government parts in uk_local_government. See docs/meeting-record.md."
        ),
        **body,
        "$defs": dict(sorted(defs.items())),
    }


if __name__ == "__main__":
    print(json.dumps(meeting_record_schema(), indent=2, ensure_ascii=False))
