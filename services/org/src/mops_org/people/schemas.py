"""Wire models of people (`/v1/org/people`); `PersonRead`, `PersonPage` and `email_key`, which
the inventory's client uses too, are in `mops_shared.contracts.org`."""

from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)

from mops_shared.contracts.common import UNIQUE, Name, StrictModel, not_null, refuse_repeats
from mops_shared.contracts.org import normalize_email

# --- people ------------------------------------------------------------------------------------


class PersonSort(StrEnum):
    """The orders of `GET /v1/org/people`; `-` sorts descending."""

    name = "name"
    name_desc = "-name"
    email = "email"
    email_desc = "-email"
    created_at = "created_at"
    created_at_desc = "-created_at"


MAX_EMAIL = 254


def _email_as_sent(text: str) -> str:
    # An idn-email has no surrounding spaces (an import's file may: it strips them itself).
    if text != text.strip():
        raise ValueError("not a valid email address: it has spaces around it")
    return normalize_email(text)


# An internationalised address (email-validator takes Unicode local parts and domains): the
# document says `idn-email`, not `email`, which is ASCII only.
Email = Annotated[
    str,
    StringConstraints(min_length=3, max_length=MAX_EMAIL),
    AfterValidator(_email_as_sent),
    WithJsonSchema(
        {"type": "string", "format": "idn-email", "minLength": 3, "maxLength": MAX_EMAIL}
    ),
]


# A person holds a handful of roles; the cap keeps one request's validation bounded.
MAX_PERSON_ROLES = 20

_ROLE_IDS = (
    "The person's roles, in order of importance, each once: built-in roles of the catalogue or "
    "the tenant's own (`/v1/org/roles`)."
)

RoleIds = Annotated[list[uuid.UUID], Field(max_length=MAX_PERSON_ROLES), UNIQUE]


class PersonCreate(StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Ada Lovelace",
                    "email": "ada@acme.example",
                    "unit_id": None,
                    "role_ids": ["1b5c3c7d-f526-5578-8b11-f34cb2c277c7"],
                }
            ]
        },
    )

    name: Name
    email: Email = Field(description="Unique in the tenant, compared without case.")
    unit_id: uuid.UUID | None = Field(default=None, description="The unit the person is in.")
    manager_id: uuid.UUID | None = Field(
        default=None, description="The person this one reports to (never itself, no cycles)."
    )
    active: StrictBool = True
    role_ids: RoleIds = Field(default_factory=list, description=_ROLE_IDS)

    _each_role_once = field_validator("role_ids")(refuse_repeats)


class PersonUpdate(StrictModel):
    """The fields sent are changed; `unit_id` and `manager_id` may be null to clear them (the
    other fields may not); `role_ids`, when sent, replaces the person's roles (`[]` removes them
    all)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"unit_id": None, "role_ids": ["aad21883-cc7b-55c3-80af-1ffe445c6b7e"]}]
        },
    )

    name: Name | None = not_null()
    email: Email | None = not_null()
    unit_id: uuid.UUID | None = None
    manager_id: uuid.UUID | None = None
    active: StrictBool | None = not_null()
    role_ids: RoleIds | None = not_null(description=_ROLE_IDS)

    _each_role_once = field_validator("role_ids")(refuse_repeats)
