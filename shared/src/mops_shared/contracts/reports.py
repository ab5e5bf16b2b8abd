"""The tool ownership report (`/v1/inventory/reports/ownership`), which the org service reads."""

from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from mops_shared.contracts.inventory import ToolOwner, ToolStatus
from mops_shared.contracts.pagination import Page


class ToolOwnership(BaseModel):
    """A tool and who answers for it: what the org service asks of the inventory."""

    tool_id: uuid.UUID
    tool_name: str
    tool_status: ToolStatus
    owners: list[ToolOwner] = Field(description="In the tool's order; may be empty.")


class ToolOwnershipPage(Page[ToolOwnership]):
    pass
