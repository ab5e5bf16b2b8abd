"""Custom fields: a tenant's own typed fields on tools, declared once and validated on write."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from mops_shared.contracts.common import Name
from mops_shared.contracts.inventory import FIELD_KEY_PATTERN
from mops_shared.contracts.pagination import Page

FieldKey = Annotated[
    str,
    StringConstraints(pattern=FIELD_KEY_PATTERN),
    Field(description="snake_case, as it appears in a tool's `custom_fields`."),
]


class CustomFieldType(StrEnum):
    string = "string"
    number = "number"
    boolean = "boolean"
    date = "date"
    enum = "enum"


class CustomFieldCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "key": "gdpr_review",
                    "label": "GDPR review",
                    "type": "enum",
                    "options": ["pending", "approved", "rejected"],
                }
            ],
            # What `_options_only_for_enums` checks: an enum field lists options, no other does.
            # A condition, not an anyOf: SDK generators turn anyOf branches into models.
            "if": {"properties": {"type": {"const": "enum"}}, "required": ["type"]},
            "then": {"required": ["options"], "properties": {"options": {"minItems": 1}}},
            "else": {"properties": {"options": {"maxItems": 0}}},
        },
    )

    key: FieldKey
    label: Name
    type: CustomFieldType
    options: list[Annotated[str, StringConstraints(min_length=1, max_length=100)]] = Field(
        default_factory=list,
        max_length=100,
        description="The allowed values of an enum field (at least one); no other type has any.",
    )

    @model_validator(mode="after")
    def _options_only_for_enums(self) -> CustomFieldCreate:
        if self.type is CustomFieldType.enum and not self.options:
            raise ValueError("an enum field needs options")
        if self.type is not CustomFieldType.enum and self.options:
            raise ValueError("only enum fields have options")
        return self


class CustomFieldRead(CustomFieldCreate):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    created_at: datetime


class CustomFieldPage(Page[CustomFieldRead]):
    pass


def check_value(definition: CustomFieldCreate, value: Any) -> str | None:
    """Why a value does not fit its field, or None when it does (null always fits)."""
    if value is None:
        return None
    kind = definition.type
    if kind is CustomFieldType.string:
        return (
            None
            if isinstance(value, str) and len(value) <= 2000
            else "a string of at most 2000 characters"
        )
    if kind is CustomFieldType.number:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return None if ok else "a number"
    if kind is CustomFieldType.boolean:
        return None if isinstance(value, bool) else "true or false"
    if kind is CustomFieldType.date:
        try:
            date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return "a date (YYYY-MM-DD)"
        return None if isinstance(value, str) and len(value) == 10 else "a date (YYYY-MM-DD)"
    return None if value in definition.options else f"one of {', '.join(definition.options)}"
