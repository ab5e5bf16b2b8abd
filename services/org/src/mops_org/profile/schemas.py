"""Wire models of the organisation profile (`/v1/org/profile`); the operating models and
the inferred model, which the metrics carry to the scoring service, are in
`mops_shared.contracts.org_profile`."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from mops_shared.contracts.common import Name, Text
from mops_shared.contracts.org_profile import OperatingModel


class CommerceStructure(StrEnum):
    """Where e-commerce sits. `independent_bu`: a business unit of its own. `department_in_bu`:
    an independent department inside a business unit. `integrated_channel`: a sales channel
    integrated in a business unit — the customer-centric structure, suited to optimising the
    multichannel experience; the first two remain where customers and competitors differ
    radically or independence keeps mergers and acquisitions flexible."""

    independent_bu = "independent_bu"
    department_in_bu = "department_in_bu"
    integrated_channel = "integrated_channel"


class OrgProfilePut(BaseModel):
    """The whole profile: a field left out is cleared (null), as a field sent as null."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "name": "Acme Marketing",
                    "model": "hybrid_matrix",
                    "commerce_structure": "integrated_channel",
                    "notes": "A marketing-ops CoE serves the business units and regions.",
                }
            ]
        },
    )

    name: Name | None = Field(default=None, description="The organisation's name.")
    model: OperatingModel | None = Field(
        default=None, description="The operating model the organisation declares."
    )
    commerce_structure: CommerceStructure | None = Field(
        default=None, description="Where e-commerce sits in the organisation."
    )
    notes: Text | None = None


class OrgProfileRead(BaseModel):
    """The tenant's profile; every field null and `version` 0 until it is first written."""

    model_config = ConfigDict(from_attributes=True)

    name: str | None
    model: OperatingModel | None
    commerce_structure: CommerceStructure | None
    notes: str | None
    version: int = Field(ge=0, description="The version the ETag is made of; 0 before any write.")
    created_at: datetime | None = Field(description="Null until the profile is first written.")
    updated_at: datetime | None = Field(description="Null until the profile is first written.")
