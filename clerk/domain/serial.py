"""Dataclasses to JSON values and back, with the JSON path of the first bad field.

One generic converter serves the meeting record, the script reader and the journal, so a
field added to an entity is written, read and validated the same way everywhere.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, time
from enum import Enum
from typing import Any, TypeVar

from clerk.domain.errors import RecordFormatError

T = TypeVar("T")
JSONValue = Any


_HINTS: dict[type, dict[str, Any]] = {}


def field_types(cls: type) -> dict[str, Any]:
    """The resolved type hints of a dataclass, cached."""
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    return hints


def to_json(value: Any) -> JSONValue:
    """A dataclass (or value inside one) as plain JSON values, fields in declaration order."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
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
        return data
    if isinstance(tp, type) and issubclass(tp, Enum):
        try:
            return tp(data)
        except ValueError:
            raise RecordFormatError(path, f"must be {_type_name(tp)}, not {data!r}") from None
    if tp is datetime:
        return _parse(datetime.fromisoformat, data, path, "a date and time (ISO 8601)")
    if tp is date:
        if isinstance(data, str) and len(data) == 10:
            return _parse(date.fromisoformat, data, path, "a date (YYYY-MM-DD)")
        raise RecordFormatError(path, f"must be a date (YYYY-MM-DD), not {data!r}")
    if tp is time:
        if isinstance(data, str) and len(data) in (5, 8) and data[2:3] == ":":
            return _parse(time.fromisoformat, data, path, "a time (HH:MM)")
        raise RecordFormatError(path, f"must be a time (HH:MM), not {data!r}")
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


def _dataclass(cls: Any, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise RecordFormatError(path, f"must be an object ({cls.__name__})")
    hints = field_types(cls)
    known = {f.name for f in dataclasses.fields(cls) if f.init}
    for key in data:
        if key not in known:
            raise RecordFormatError(f"{path}.{key}", "is not a field Clerk knows")
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.name in data:
            values[f.name] = _convert(hints[f.name], data[f.name], f"{path}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise RecordFormatError(f"{path}.{f.name}", "is missing")
    try:
        return cls(**values)
    except (ValueError, TypeError) as error:
        raise RecordFormatError(path, str(error)) from None
