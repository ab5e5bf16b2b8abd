"""What the inventory's document says is what its models accept: sort enums, rules stated in
the schema (checked against the validators with jsonschema), strict JSON types."""

from __future__ import annotations

import itertools
import uuid
from enum import StrEnum
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError

from mops_inventory.categories.repository import CATEGORY_SORTS
from mops_inventory.categories.schemas import CategorySort
from mops_inventory.contracts.repository import CONTRACT_SORTS
from mops_inventory.contracts.schemas import ContractCreate, ContractSort
from mops_inventory.custom_fields.schemas import CustomFieldCreate
from mops_inventory.imports.schemas import ToolImportFile
from mops_inventory.integrations.repository import INTEGRATION_SORTS
from mops_inventory.integrations.schemas import IntegrationSort, IntegrationUpdate
from mops_inventory.licences.schemas import LicenceUsageCreate
from mops_inventory.scenarios.repository import SCENARIO_SORTS
from mops_inventory.scenarios.schemas import PlannedChange, ScenarioSort
from mops_inventory.tools.repository import TOOL_SORTS
from mops_inventory.tools.schemas import ToolCreate, ToolSort, ToolUpdate
from mops_shared.contracts.outcomes import OutcomeCreate
from mops_shared.kit.pagination import SortOption

ID = str(uuid.UUID(int=1))
USD = {"amount_minor": 100, "currency": "USD"}


@pytest.mark.parametrize(
    ("enum", "options"),
    [
        (CategorySort, CATEGORY_SORTS),
        (ToolSort, TOOL_SORTS),
        (ContractSort, CONTRACT_SORTS),
        (IntegrationSort, INTEGRATION_SORTS),
        (ScenarioSort, SCENARIO_SORTS),
    ],
)
def test_each_sort_enum_is_its_lists_sort_options(
    enum: type[StrEnum], options: dict[str, SortOption]
) -> None:
    assert [member.value for member in enum] == list(options)


def _agree(model: type[BaseModel], value: Any) -> tuple[bool, bool]:
    """(the schema takes it, the model takes it)."""
    schema_ok = jsonschema.Draft202012Validator(model.model_json_schema()).is_valid(value)
    try:
        model.model_validate(value)
    except ValidationError:
        return schema_ok, False
    return schema_ok, True


def _subsets(fields: dict[str, Any]) -> list[dict[str, Any]]:
    """Every choice, for each field, of leaving it out, sending null or sending the value."""
    choices = [[(name, None), (name, "null"), (name, value)] for name, value in fields.items()]
    return [
        {name: (None if value == "null" else value) for name, value in combo if value is not None}
        for combo in itertools.product(*choices)
    ]


@pytest.mark.parametrize("kind", ["add_tool", "retire_tool", "replace_tool", "change_owner"])
def test_the_schema_takes_every_change_the_model_takes(kind: str) -> None:
    """What each kind needs is the model's rule (contract/beyond_schema/inventory.py); the
    schema must never refuse a change the model takes."""
    fields = {
        "tool_id": ID,
        "replacement_tool_id": ID,
        "new_tool": {"name": "Braze"},
        "owner_unit_id": ID,
    }
    for body in _subsets(fields):
        schema_ok, model_ok = _agree(PlannedChange, {"kind": kind, **body})
        if model_ok:
            assert schema_ok, body


def test_an_owner_names_a_person_a_unit_or_both_in_the_schema() -> None:
    for body in _subsets({"person_id": ID, "unit_id": ID}):
        owners = [{"role": "technical_owner", **body}]
        schema_ok, model_ok = _agree(ToolCreate, {"name": "Braze", "owners": owners})
        assert schema_ok == model_ok, body


@pytest.mark.parametrize("type_", ["string", "number", "boolean", "date", "enum"])
def test_only_enum_custom_fields_have_options_in_the_schema(type_: str) -> None:
    for options in ([], ["a"], None):
        body: dict[str, Any] = {"key": "tier", "label": "Tier", "type": type_}
        if options is not None:
            body["options"] = options
        schema_ok, model_ok = _agree(CustomFieldCreate, body)
        assert schema_ok == model_ok, body


@pytest.mark.parametrize("kind", ["lead", "revenue"])
def test_revenue_needs_an_amount_in_the_schema(kind: str) -> None:
    for body in _subsets({"amount": USD}):
        outcome = {"tool_id": ID, "kind": kind, "occurred_at": "2026-11-02T14:30:00Z", **body}
        schema_ok, model_ok = _agree(OutcomeCreate, outcome)
        if kind == "revenue" and body.get("amount") is None:
            # The service refuses it (422 at /amount), as the schema does.
            assert not schema_ok, body
        else:
            assert schema_ok == model_ok, body


@pytest.mark.parametrize(
    ("model", "body"),
    [
        (LicenceUsageCreate, {"as_of": "2026-11-01", "seats_active": False}),
        (LicenceUsageCreate, {"as_of": "2026-11-01", "seats_active": "3"}),
        (LicenceUsageCreate, {"as_of": "2026-11-01", "seats_active": 2.5}),
        (LicenceUsageCreate, {"as_of": 0, "seats_active": 3}),
        (ContractCreate, {"annual_cost": {"amount_minor": False, "currency": "USD"}}),
        (ContractCreate, {"annual_cost": USD, "auto_renew": 0}),
        (ContractCreate, {"annual_cost": USD, "term_start": 1700000000}),
        (ToolUpdate, {"processes_personal_data": 0}),
        (ToolUpdate, {"name": None}),
        (ToolUpdate, {"name": " "}),
        (ToolUpdate, {"custom_fields": {"Not a key": 1}}),
        (IntegrationUpdate, {"sync_mode": None}),
    ],
)
def test_what_the_schema_refuses_the_model_refuses(model: type[BaseModel], body: Any) -> None:
    assert _agree(model, body) == (False, False)


@pytest.mark.parametrize(
    ("model", "body"),
    [
        # JSON Schema's integer is a number without a fraction, 3.0 included.
        (LicenceUsageCreate, {"as_of": "2026-11-01", "seats_active": 3.0}),
        (ContractCreate, {"annual_cost": {"amount_minor": 100.0, "currency": "USD"}}),
        (ToolCreate, {"name": " Braze ", "capabilities": [" CRM "]}),
    ],
)
def test_what_the_schema_takes_the_model_takes(model: type[BaseModel], body: Any) -> None:
    assert _agree(model, body) == (True, True)


@pytest.mark.parametrize(
    ("row", "valid"),
    [
        ({"name": "A", "seats_active": 3, "processes_personal_data": 1}, True),
        ({"name": "A", "seats_active": "3", "shares_data_with_core": "yes"}, True),
        ({"name": "A", "annual_cost": 1.5, "capability": ["CRM"], "other": [1]}, True),
        ({"name": "A", "processes_personal_data": 2}, False),
        ({"name": "A", "seats_active": True}, False),
        ({"name": "A", "seats_active": 2.5}, False),
        ({"name": "A", "annual_cost": -1}, False),
        ({"name": "A", "integrations": ["B", 3]}, False),
        ({"name": 42}, False),
        ({"vendor": "Adobe"}, False),
    ],
)
def test_the_json_import_schema_is_what_its_model_checks(row: dict[str, Any], valid: bool) -> None:
    assert _agree(ToolImportFile, [row]) == (valid, valid)
