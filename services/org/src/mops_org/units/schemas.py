"""Wire models of units (`/v1/org/units`); `UnitRead` and `UnitPage`, which the inventory's
client reads too, are in `mops_shared.contracts.org`."""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from mops_shared.contracts.common import Name, StrictModel, not_null
from mops_shared.contracts.org import UnitBase, UnitRead, UnitRole, UnitType
from mops_shared.contracts.pagination import Page


class UnitSort(StrEnum):
    """The orders of `GET /v1/org/units`; `-` sorts descending."""

    name = "name"
    name_desc = "-name"
    created_at = "created_at"
    created_at_desc = "-created_at"


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
