"""What an operation of the mops contract must carry so that SDK generators make good clients
of it: each rule returns the places that break it, as `METHOD /path: what is wrong`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

METHODS = ("get", "put", "post", "delete", "patch")
# <area>_<verb>_<noun>: the area is the operation's tag; verb and noun are lowercase words.
OPERATION_ID = re.compile(r"(?P<area>[a-z]+)_(?P<verb>[a-z]+)_(?P<noun>[a-z0-9]+(?:_[a-z0-9]+)*)")
# Generated names that generators turn into `Body_xyz` / `Response_200_...` classes.
GENERATED_NAME = re.compile(r"^(Body_|Response_|HTTPValidationError$|ValidationError$)")
# Media types whose body is not JSON: a plain string schema is their honest description.
NON_JSON = ("text/csv", "text/xml", "image/svg+xml", "text/plain")

Operation = tuple[str, str, dict[str, Any]]


def operations(document: dict[str, Any]) -> Iterator[Operation]:
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def _where(path: str, method: str) -> str:
    return f"{method.upper()} {path}"


def unique_operation_ids(document: dict[str, Any]) -> list[str]:
    counts = Counter(op.get("operationId") for _, _, op in operations(document))
    problems = []
    for path, method, op in operations(document):
        operation_id = op.get("operationId")
        if not operation_id:
            problems.append(f"{_where(path, method)}: no operationId")
        elif counts[operation_id] > 1:
            problems.append(f"{_where(path, method)}: operationId {operation_id} is not unique")
        elif not (match := OPERATION_ID.fullmatch(operation_id)):
            problems.append(f"{_where(path, method)}: {operation_id} is not <area>_<verb>_<noun>")
        elif op.get("tags") and match["area"] != op["tags"][0]:
            problems.append(
                f"{_where(path, method)}: {operation_id} is not of area {op['tags'][0]}"
            )
    return problems


def one_declared_tag(document: dict[str, Any]) -> list[str]:
    declared = {tag["name"]: tag for tag in document.get("tags", [])}
    problems = [
        f"tag {name}: no description" for name, t in declared.items() if not t.get("description")
    ]
    for path, method, op in operations(document):
        tags = op.get("tags", [])
        if len(tags) != 1:
            problems.append(f"{_where(path, method)}: {len(tags)} tags, not one")
        elif tags[0] not in declared:
            problems.append(f"{_where(path, method)}: tag {tags[0]} is not declared")
    return problems


def summary_and_description(document: dict[str, Any]) -> list[str]:
    return [
        f"{_where(path, method)}: no {part}"
        for path, method, op in operations(document)
        for part in ("summary", "description")
        if not (op.get(part) or "").strip()
    ]


def parameters_described(document: dict[str, Any]) -> list[str]:
    return [
        f"{_where(path, method)}: parameter {parameter['name']} has no description"
        for path, method, op in operations(document)
        for parameter in op.get("parameters", [])
        if not (parameter.get("description") or "").strip()
    ]


def _schema(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref", "")
    return document["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {}) if ref else schema


def request_bodies_named_with_examples(document: dict[str, Any]) -> list[str]:
    problems = []
    for path, method, op in operations(document):
        for media_type, content in op.get("requestBody", {}).get("content", {}).items():
            schema = content.get("schema", {})
            where = f"{_where(path, method)}: request body {media_type}"
            if media_type not in NON_JSON and "$ref" not in schema:
                problems.append(f"{where} is not a named schema")
            has_example = "example" in content or "examples" in content
            named = _schema(document, schema)
            if not (has_example or "example" in named or "examples" in named):
                problems.append(f"{where} has no example")
    return problems


def responses_named(document: dict[str, Any]) -> list[str]:
    problems = []
    for path, method, op in operations(document):
        for status, response in op.get("responses", {}).items():
            where = f"{_where(path, method)}: response {status}"
            if not (response.get("description") or "").strip():
                problems.append(f"{where} has no description")
            for media_type, content in response.get("content", {}).items():
                schema = content.get("schema")
                if media_type in NON_JSON:
                    if schema != {"type": "string"}:
                        problems.append(f"{where} {media_type} is not described as a string")
                elif not schema or "$ref" not in schema:
                    problems.append(f"{where} {media_type} is not a named schema")
    return problems


def _inline_enums(schema: Any, at_top: bool) -> Iterator[Any]:
    if isinstance(schema, dict):
        if "enum" in schema and not at_top:
            yield schema["enum"]
        for value in schema.values():
            yield from _inline_enums(value, False)
    elif isinstance(schema, list):
        for value in schema:
            yield from _inline_enums(value, False)


def enums_named(document: dict[str, Any]) -> list[str]:
    problems = [
        f"schema {name}: inline enum {values}"
        for name, schema in document["components"]["schemas"].items()
        for values in _inline_enums(schema, True)
    ]
    for path, method, op in operations(document):
        for parameter in op.get("parameters", []):
            for values in _inline_enums(parameter.get("schema", {}), False):
                problems.append(
                    f"{_where(path, method)}: parameter {parameter['name']} inline enum {values}"
                )
    return problems


def no_generated_names(document: dict[str, Any]) -> list[str]:
    return [
        f"schema {name}: a generated name"
        for name in document["components"]["schemas"]
        if GENERATED_NAME.match(name)
    ]


RULES: dict[str, Callable[[dict[str, Any]], list[str]]] = {
    rule.__name__: rule
    for rule in (
        unique_operation_ids,
        one_declared_tag,
        summary_and_description,
        parameters_described,
        request_bodies_named_with_examples,
        responses_named,
        enums_named,
        no_generated_names,
    )
}


def violations(document: dict[str, Any], area: str | None = None) -> dict[str, list[str]]:
    """Every rule's problems; with `area`, only those whose text names `/v1/<area>`."""
    found = {}
    for name, rule in RULES.items():
        problems = rule(document)
        if area is not None:
            problems = [p for p in problems if f"/v1/{area}" in p or f" {area}" in p]
        found[name] = problems
    return found


if __name__ == "__main__":
    import sys

    from contract.document import build

    selected = sys.argv[1] if len(sys.argv) > 1 else None
    total = 0
    for rule, problems in violations(build(), selected).items():
        for problem in problems:
            print(f"{rule}: {problem}")
        total += len(problems)
    print(f"{total} problems")
    sys.exit(1 if total else 0)
