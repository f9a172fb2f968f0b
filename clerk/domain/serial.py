"""Dataclasses to JSON values and back, with the JSON path of the first bad field.

One generic converter serves the meeting record, the script reader and the journal, so a
field added to an entity is written, read and validated the same way everywhere.
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

from clerk.domain.errors import RecordFormatError

T = TypeVar("T")
JSONValue = Any
#: Dates strictly as YYYY-MM-DD (not ISO's week dates or basic format), times as HH:MM or
#: HH:MM:SS with no time zone: a meeting's times are local to the council.
DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?", re.ASCII)
SURROGATE = re.compile("[\ud800-\udfff]")


_HINTS: dict[type, dict[str, Any]] = {}


def field_types(cls: type) -> dict[str, Any]:
    """The resolved type hints of a dataclass, cached."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


#: Field names of each dataclass met (in declaration order), and types known to be plain:
#: every recorded action serialises its changes, so the reflection is done once per type.
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
_NOT_DATACLASSES: set[type] = {str, int, float, bool, type(None)}


def to_json(value: Any) -> JSONValue:
    """A dataclass (or value inside one) as plain JSON values, fields in declaration order."""
    cls = type(value)
    names = _FIELD_NAMES.get(cls)
    if names is None and cls not in _NOT_DATACLASSES:
        if dataclasses.is_dataclass(cls):
            names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(cls))
        else:
            _NOT_DATACLASSES.add(cls)
    if names is not None:
        return {name: to_json(getattr(value, name)) for name in names}
    if cls in (str, int, bool, type(None)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M:%S") if value.second else value.strftime("%H:%M")
    if isinstance(value, tuple | list):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def _type_name(tp: Any) -> str:
    names = {str: "a string", int: "a whole number", bool: "true or false", float: "a number"}
    if tp in names:
        return names[tp]
    if tp is date:
        return "a date (YYYY-MM-DD)"
    if tp is time:
        return "a time (HH:MM)"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "one of " + ", ".join(repr(m.value) for m in tp)
    return getattr(tp, "__name__", str(tp))


def from_json(tp: type[T], data: JSONValue, path: str = "$") -> T:
    """Build a value of type ``tp`` from JSON data, or raise ``RecordFormatError`` at ``path``."""
    try:
        result: T = _convert(tp, data, path)
    except RecursionError:
        raise RecordFormatError(path, "is nested too deeply to be a Clerk record") from None
    return result


def _convert(tp: Any, data: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            if type(None) in typing.get_args(tp):
                return None
            raise RecordFormatError(path, "must not be null")
        return _convert(args[0], data, path)
    if origin is tuple:
        if not isinstance(data, list):
            raise RecordFormatError(path, "must be a list")
        (inner, *_rest) = typing.get_args(tp)
        return tuple(_convert(inner, v, f"{path}[{i}]") for i, v in enumerate(data))
    if dataclasses.is_dataclass(tp):
        return _dataclass(tp, data, path)
    if data is None:
        raise RecordFormatError(path, f"must be {_type_name(tp)}, not null")
    if tp is bool:
        if not isinstance(data, bool):
            raise RecordFormatError(path, "must be true or false")
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise RecordFormatError(path, "must be a whole number")
        if not -(2**63) <= data < 2**63:
            raise RecordFormatError(path, f"{data} is too large a number")
        return data
    if tp is str:
        if not isinstance(data, str):
            raise RecordFormatError(path, "must be a string")
        if SURROGATE.search(data):
            raise RecordFormatError(
                path, "holds a lone surrogate (an escape like \\ud800 that is not a character)"
            )
        return data
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError:
            raise RecordFormatError(path, f"must be {_type_name(tp)}, not {data!r}") from None
    if tp is datetime:
        return _parse(datetime.fromisoformat, data, path, "a date and time (ISO 8601)")
    if tp is date:
        if isinstance(data, str) and DATE.fullmatch(data):
            return _parse(date.fromisoformat, data, path, "a date (YYYY-MM-DD)")
        raise RecordFormatError(path, f"must be a date (YYYY-MM-DD), not {data!r}")
    if tp is time:
        if isinstance(data, str) and TIME.fullmatch(data):
            return _parse(time.fromisoformat, data, path, "a time (HH:MM)")
        raise RecordFormatError(
            path, f"must be a time (HH:MM, local, with no time zone), not {data!r}"
        )
    if tp is typing.Any:
        return data
    raise RecordFormatError(path, f"has a type Clerk cannot read ({tp!r})")


def _parse(parser: Any, data: Any, path: str, what: str) -> Any:
    if not isinstance(data, str):
        raise RecordFormatError(path, f"must be {what}, not {data!r}")
    try:
        return parser(data)
    except ValueError:
        raise RecordFormatError(path, f"must be {what}, not {data!r}") from None


#: For each dataclass read: its init fields as (name, type, required), and their names.
_INIT_FIELDS: dict[type, tuple[tuple[tuple[str, Any, bool], ...], frozenset[str]]] = {}


def _init_fields(cls: type) -> tuple[tuple[tuple[str, Any, bool], ...], frozenset[str]]:
    found = _INIT_FIELDS.get(cls)
    if found is None:
        hints = field_types(cls)
        plan = tuple(
            (
                f.name,
                hints[f.name],
                f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            )
            for f in dataclasses.fields(cls)
            if f.init
        )
        found = _INIT_FIELDS[cls] = (plan, frozenset(name for name, _tp, _req in plan))
    return found


def member_path(path: str, key: object) -> str:
    """``$.name`` for a plain key; ``$["odd key"]`` for any other (quoted, escaped)."""
    text = str(key)
    if text.isidentifier() and text.isascii():
        return f"{path}.{text}"
    return f"{path}[{json.dumps(text)}]"


def _dataclass(cls: Any, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise RecordFormatError(path, f"must be an object ({cls.__name__})")
    plan, known = _init_fields(cls)
    for key in data:
        if key not in known:
            raise RecordFormatError(member_path(path, key), "is not a field Clerk knows")
    values: dict[str, Any] = {}
    for name, tp, required in plan:
        if name in data:
            values[name] = _convert(tp, data[name], f"{path}.{name}")
        elif required:
            raise RecordFormatError(f"{path}.{name}", "is missing")
    try:
        return cls(**values)
    except (ValueError, TypeError) as error:
        raise RecordFormatError(path, str(error)) from None
