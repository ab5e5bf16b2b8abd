"""The committed OpenAPI document: current with the code, valid, and shaped for SDK generators."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest
from openapi_spec_validator import validate

from contract import rules
from contract.document import DOCUMENT, build, render


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return build()


def test_the_committed_document_is_the_one_the_code_makes(document: dict[str, Any]) -> None:
    committed = DOCUMENT.read_text()
    assert committed == render(document), (
        "contract/openapi.json is stale: run `.venv/bin/python -m contract.document` and commit it"
    )


def test_the_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"].startswith("3.1")
    validate(document)


@pytest.mark.parametrize("rule", sorted(rules.RULES))
def test_every_operation_keeps_the_rule(document: dict[str, Any], rule: str) -> None:
    assert rules.RULES[rule](document) == []


def _with_components(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "components": document["components"]}


def test_request_examples_are_valid_against_their_schemas(document: dict[str, Any]) -> None:
    bodies = checked = 0
    for _, _, op in rules.operations(document):
        for media_type, content in op.get("requestBody", {}).get("content", {}).items():
            if media_type != "application/json":
                continue
            bodies += 1
            schema = content["schema"]
            named = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
            examples = [content["example"]] if "example" in content else named.get("examples", [])
            for example in examples:
                jsonschema.validate(
                    example,
                    _with_components(document, schema),
                    cls=jsonschema.Draft202012Validator,
                )
                checked += 1
    assert bodies > 0
    assert checked >= bodies


def test_the_rules_catch_what_they_are_for(document: dict[str, Any]) -> None:
    """Each rule finds a defect planted in a copy of the document: a rule that cannot fail
    proves nothing."""
    broken = copy.deepcopy(document)
    create_tool = broken["paths"]["/v1/inventory/tools"]["post"]
    create_tool["operationId"] = "inventory_list_tools"
    create_tool["tags"] = ["inventory", "extra"]
    create_tool["description"] = " "
    create_tool["requestBody"]["content"]["application/json"]["schema"] = {"type": "object"}
    list_tools = broken["paths"]["/v1/inventory/tools"]["get"]
    list_tools["parameters"][0].pop("description")
    list_tools["parameters"][0]["schema"] = {"type": "string", "enum": ["a", "b"]}
    list_tools["responses"]["200"]["content"]["application/json"]["schema"] = {"type": "object"}
    broken["components"]["schemas"]["Body_create_tool"] = {"type": "object"}
    found = rules.violations(broken)
    assert all(found.values()), {name: problems for name, problems in found.items() if not problems}
    assert json.dumps(found).count("POST /v1/inventory/tools") >= 4
