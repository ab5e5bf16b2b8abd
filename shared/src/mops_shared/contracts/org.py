"""Units and people as other services read them through the org client; their writes are in
the org service (`mops_org.units.schemas`, `mops_org.people.schemas`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from email_validator import EmailNotValidError, validate_email
from pydantic import BaseModel, ConfigDict, Field

from mops_shared.contracts.common import Name
from mops_shared.contracts.pagination import Page


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


class UnitRead(UnitBase):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    version: int = Field(description="The version the ETag is made of.")
    created_at: datetime
    updated_at: datetime


class UnitPage(Page[UnitRead]):
    pass


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
