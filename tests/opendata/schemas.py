"""The published Popolo and Open Civic Data schemas (vendored in resources/schema), as
validators: Popolo's ``$ref``s resolved to the local copies; OCD's with pupa's own ``date`` and
``datetime`` types, exactly as pupa validates scraped data (nothing fetched)."""

from __future__ import annotations

import datetime
import json
from functools import cache
from typing import Any

import jsonschema
from jsonschema import Draft3Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from clerk.resources import resource

POPOLO = "http://www.popoloproject.com/schemas/{}.json#"


def _load(*parts: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource(*parts).read_text(encoding="utf-8"))
    return data


@cache
def popolo_registry() -> Registry:
    folder = resource("schema", "popolo")
    resources = []
    for path in sorted(folder.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3))
        )
        resources.append(
            (schema["id"].rstrip("#"), Resource.from_contents(schema, default_specification=DRAFT3))
        )
    return Registry().with_resources(resources)


def popolo(name: str) -> Draft3Validator:
    return Draft3Validator(
        _load("schema", "popolo", f"{name}.json"),
        registry=popolo_registry(),
        format_checker=FormatChecker(),
    )


def ocd(name: str) -> Any:
    checker = Draft3Validator.TYPE_CHECKER.redefine(
        "datetime", lambda _c, d: isinstance(d, datetime.date | datetime.datetime)
    ).redefine(
        "date",
        lambda _c, d: isinstance(d, datetime.date) and not isinstance(d, datetime.datetime),
    )
    validator_class = jsonschema.validators.extend(Draft3Validator, type_checker=checker)
    return validator_class(
        _load("schema", "opencivicdata", f"{name}.json"), format_checker=FormatChecker()
    )


def errors(validator: Any, instance: Any) -> list[str]:
    return [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(instance)]
