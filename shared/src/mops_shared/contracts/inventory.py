"""Wire models of the inventory that other services read: categories and tools as the
gateway's client lists them, and the field types the inventory's own schemas share with them."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    HttpUrl,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from mops_shared.contracts.common import IsoDate, Name, Text, Trimmed
from mops_shared.contracts.money import CurrencyCode, Money
from mops_shared.contracts.pagination import Page

# Short texts stored without surrounding spaces, judged as sent (as common.Name).
Tag = Annotated[
    str,
    StringConstraints(min_length=1, max_length=60),
    Trimmed(),
]
Capability = Annotated[
    str,
    StringConstraints(min_length=1, max_length=120),
    Trimmed(),
]
ShortText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=255),
    Trimmed(),
]

# snake_case, as a custom field's key appears in a tool's `custom_fields`.
FIELD_KEY_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"


def _integer_amount(value: object) -> object:
    # Money's amount_minor is a lax int, which takes false and "5"; what a request sends must
    # be an integer, as the Money schema says.
    if isinstance(value, dict) and "amount_minor" in value:
        amount = value["amount_minor"]
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise ValueError("amount_minor must be an integer")
    return value


# Money in a request body (the same schema, `Money`).
MoneyIn = Annotated[Money, BeforeValidator(_integer_amount)]


class MoneySum(BaseModel):
    """Amounts of one currency added up (a report's figure), in its minor unit. Each amount
    added is a `Money`, at most 10^15; their sum may be more."""

    model_config = ConfigDict(frozen=True)

    amount_minor: int = Field(ge=0, description="The sum in the currency's minor unit.")
    currency: CurrencyCode


class CategoryRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    parent_id: uuid.UUID | None = Field(description="Null for the six landscape categories.")
    built_in: bool = Field(description="True for the six landscape categories.")
    created_at: datetime


class CategoryPage(Page[CategoryRead]):
    pass


class ToolStatus(StrEnum):
    evaluating = "evaluating"
    active = "active"
    sunsetting = "sunsetting"
    retired = "retired"


class OwnerRole(StrEnum):
    business_owner = "business_owner"
    technical_owner = "technical_owner"
    data_steward = "data_steward"


class ToolOwner(BaseModel):
    """Who answers for a tool: a person of the org service, one of its units, or both."""

    model_config = ConfigDict(
        extra="forbid",
        from_attributes=True,
        # "A person, a unit or both", said in the schema: at least one of the two is an id.
        # (A condition, not an anyOf: SDK generators turn anyOf branches into models.)
        json_schema_extra={
            "if": {
                "not": {"required": ["person_id"], "properties": {"person_id": {"type": "string"}}}
            },
            "then": {"required": ["unit_id"], "properties": {"unit_id": {"type": "string"}}},
        },
    )

    role: OwnerRole
    person_id: uuid.UUID | None = Field(default=None, description="A person of the org service.")
    unit_id: uuid.UUID | None = Field(default=None, description="A unit of the org service.")

    @model_validator(mode="after")
    def _someone(self) -> ToolOwner:
        if self.person_id is None and self.unit_id is None:
            raise ValueError("an owner names a person_id, a unit_id or both")
        return self


def at_most_one_business_owner(owners: list[ToolOwner]) -> list[ToolOwner]:
    if sum(1 for o in owners if o.role is OwnerRole.business_owner) > 1:
        raise ValueError("a tool has at most one business owner")
    return owners


# Keys of custom fields have the form of a declared key (whether it is declared is checked on
# write: the tenant's fields are data, not schema).
CUSTOM_FIELD_KEYS: dict[str, Any] = {"propertyNames": {"pattern": FIELD_KEY_PATTERN}}
_FIELD_KEY = re.compile(FIELD_KEY_PATTERN)


def custom_field_keys(values: dict[str, Any]) -> dict[str, Any]:
    # The form of the keys, as the schema's propertyNames says: checked with the body, before
    # the tool is read (and its If-Match compared).
    for key in values:
        if not _FIELD_KEY.fullmatch(key):
            raise ValueError(f"{key!r} is not a custom field key (snake_case, at most 40)")
    return values


IN_USE_SINCE = (
    "The day the tool came into use at the company (its go-live), as the company knows it: not "
    "the day it was recorded here. The stack's change over a year counts tools by it (else by "
    "the earliest start of their contracts); null when not known."
)


class ToolFields(BaseModel):
    vendor: Name | None = None
    category_id: uuid.UUID | None = Field(default=None, description="A category of the tenant.")
    capabilities: list[Capability] = Field(
        default_factory=list, max_length=50, description="What the tool does, e.g. `CRM`."
    )
    description: Text | None = None
    usage_notes: Text | None = None
    owners: list[ToolOwner] = Field(
        default_factory=list, max_length=20, description="At most one business owner."
    )
    shares_data_with_core: StrictBool | None = Field(
        default=None, description="Whether it shares data with the core platforms."
    )
    processes_personal_data: StrictBool = False
    personal_data_categories: list[Tag] = Field(default_factory=list, max_length=50)
    website: HttpUrl | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=50)
    custom_fields: dict[str, Any] = Field(
        default_factory=dict,
        max_length=50,
        json_schema_extra=CUSTOM_FIELD_KEYS,
        description="Values of the tenant's custom fields (`/v1/inventory/custom-fields`).",
    )
    in_use_since: IsoDate | None = Field(default=None, description=IN_USE_SINCE)

    @field_validator("owners")
    @classmethod
    def _one_business_owner(cls, owners: list[ToolOwner]) -> list[ToolOwner]:
        return at_most_one_business_owner(owners)

    @field_validator("custom_fields")
    @classmethod
    def _keys_of_custom_fields(cls, values: dict[str, Any]) -> dict[str, Any]:
        return custom_field_keys(values)


class ToolRead(ToolFields):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    status: ToolStatus
    status_changed_at: datetime
    version: int = Field(description="Increases with every change; the ETag is built from it.")
    created_at: datetime
    updated_at: datetime


class ToolPage(Page[ToolRead]):
    pass
