"""Wire models of the org area (`/v1/org/...`)."""

from __future__ import annotations

import uuid
from collections.abc import Hashable
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from email_validator import EmailNotValidError, validate_email
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from mops_shared.schemas.common import Name, StrictModel, not_null
from mops_shared.schemas.pagination import Page

ItemT = TypeVar("ItemT")


def _item_key(item: object) -> Hashable:
    if isinstance(item, BaseModel):
        return item.model_dump_json()
    assert isinstance(item, Hashable)
    return item


def refuse_repeats(items: list[ItemT] | None) -> list[ItemT] | None:
    """The check of a list the document marks `uniqueItems` (see UNIQUE): the first item that
    repeats an earlier one is refused. A field validator of the model, not of the type, so that
    the error is at the list's pointer even when the field is `T | None`; run
    while the body is read, it answers 422 before an `If-Match` is looked at."""
    first: dict[Hashable, int] = {}
    for i, item in enumerate(items or ()):
        j = first.setdefault(_item_key(item), i)
        if j != i:
            raise PydanticCustomError(
                "unique_items",
                "each item may be listed once: item {i} is item {j} again",
                {"i": i, "j": j},
            )
    return items


UNIQUE: Any = Field(json_schema_extra={"uniqueItems": True})


class UnitType(StrEnum):
    organisation = "organisation"
    business_unit = "business_unit"
    function = "function"
    centre_of_excellence = "centre_of_excellence"
    marketing_ops_centre = "marketing_ops_centre"
    region = "region"
    team = "team"


class UnitRole(StrEnum):
    """A unit's place in a hub-and-spoke organisation."""

    hub = "hub"
    spoke = "spoke"


class UnitSort(StrEnum):
    """The orders of `GET /v1/org/units`; `-` sorts descending."""

    name = "name"
    name_desc = "-name"
    created_at = "created_at"
    created_at_desc = "-created_at"


class UnitBase(BaseModel):
    name: Name = Field(description="Unique in the tenant, compared without case.")
    type: UnitType
    parent_id: uuid.UUID | None = Field(
        default=None, description="The unit this one belongs to; null for a root."
    )
    role: UnitRole | None = Field(
        default=None, description="`hub` or `spoke` in a hub-and-spoke organisation; or null."
    )
    lead_person_id: uuid.UUID | None = Field(
        default=None, description="The person who leads the unit (a person of the tenant)."
    )


class UnitCreate(UnitBase, StrictModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"name": "Marketing Ops CoE", "type": "marketing_ops_centre"}]
        },
    )


class UnitUpdate(StrictModel):
    """The fields sent are changed; `parent_id` (a move), `role` and `lead_person_id` may be null
    to clear them; `name` and `type` may not."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"name": "Marketing Ops CoE (EMEA)"}]}
    )

    name: Name | None = not_null()
    type: UnitType | None = not_null()
    parent_id: uuid.UUID | None = None
    role: UnitRole | None = None
    lead_person_id: uuid.UUID | None = None


class UnitRead(UnitBase):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    version: int = Field(description="The version the ETag is made of.")
    created_at: datetime
    updated_at: datetime


class UnitPage(Page[UnitRead]):
    pass


class UnitInTree(UnitRead):
    """A unit of a subtree, with how far below the subtree's root it is."""

    depth: int = Field(ge=0, description="0 for the subtree's root, 1 for its children, ...")


class UnitSubtreePage(Page[UnitInTree]):
    pass


class UnitAncestor(UnitRead):
    """A unit above another one, with how many levels above it is."""

    levels_up: int = Field(ge=1, description="1 for the parent, 2 for the grandparent, ...")


class UnitAncestors(BaseModel):
    """From the parent up to the root, nearest first (empty for a root)."""

    items: list[UnitAncestor]


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


def normalize_email(text: str) -> str:
    """The address as email-validator normalises it (domain lower-cased, Unicode NFC); raises
    ValueError with the reason when it is not a valid address. No DNS lookup. Addresses at
    `.test` (RFC 2606: test and demo organisations) are taken; other special-use domains
    (`.local`, `.invalid`, ...), quoted local parts and IP literals are not."""
    try:
        return validate_email(
            text.strip(), check_deliverability=False, test_environment=True
        ).normalized
    except EmailNotValidError as exc:
        raise ValueError(f"not a valid email address: {exc}") from None


def email_key(text: str) -> str:
    """How emails compare: the normalised address without case (the text itself, trimmed and
    lower-cased, when it is not a valid address, so that it simply matches nothing)."""
    text = text.strip()
    if text.isascii() and '"' not in text and "\\" not in text:
        # email-validator only lower-cases the domain of an unquoted ASCII address: its key is
        # the address lower-cased, without the ~100 µs a full check costs.
        return text.lower()
    try:
        return normalize_email(text).lower()
    except ValueError:
        return text.lower()


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


class PersonRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    email: str
    unit_id: uuid.UUID | None
    manager_id: uuid.UUID | None
    active: bool
    role_ids: list[uuid.UUID] = Field(description="The person's roles, in order of importance.")
    version: int
    created_at: datetime
    updated_at: datetime


class PersonPage(Page[PersonRead]):
    pass
