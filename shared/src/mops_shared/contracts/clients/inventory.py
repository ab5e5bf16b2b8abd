from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from mops_shared.contracts.clients.base import ServiceClient
from mops_shared.contracts.inventory import CategoryPage, ToolPage
from mops_shared.contracts.outcomes import OutcomeCreate, OutcomeRead
from mops_shared.contracts.reports import ToolOwnership, ToolOwnershipPage
from mops_shared.contracts.reports_evidence import InventoryEvidence
from mops_shared.contracts.scenarios import ScenarioDiff
from mops_shared.kit.auth import Principal

# The inventory's cap on `unit_id` / `person_id` per ownership call, and its largest page.
OWNER_IDS_PER_CALL = 200
OWNERSHIP_PAGE = 1000


class InventoryClient(ServiceClient):
    service = "inventory"

    async def list_categories(
        self, principal: Principal, *, limit: int = 200, cursor: str | None = None
    ) -> CategoryPage:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = await self.request(
            "GET", "/v1/inventory/categories", principal=principal, params=params
        )
        return self.parse(response, CategoryPage)

    async def tool_id_by_name(self, principal: Principal, name: str) -> uuid.UUID | None:
        """The id of the tenant's tool with this name (as the inventory compares names), or
        None when it has none."""
        response = await self.request(
            "GET",
            "/v1/inventory/tools",
            principal=principal,
            params={"name": name, "limit": 1},
        )
        page = self.parse(response, ToolPage)
        return page.items[0].id if page.items else None

    async def record_outcome(
        self, principal: Principal, outcome: OutcomeCreate
    ) -> tuple[OutcomeRead, bool]:
        """Records the outcome; (stored outcome, whether it is new). The same external id from
        the same source is stored once; other values under it are a DownstreamError (409)."""
        response = await self.request(
            "POST",
            "/v1/inventory/outcomes",
            principal=principal,
            json=outcome.model_dump(mode="json"),
        )
        return self.parse(response, OutcomeRead), response.status_code == 201

    async def scenario_diff(
        self, principal: Principal, scenario_id: uuid.UUID
    ) -> ScenarioDiff | None:
        """A stack scenario's diff against the current stack, stage by stage; None if the
        tenant has no such scenario."""
        return await self.get_model(
            f"/v1/inventory/scenarios/{scenario_id}/diff", ScenarioDiff, principal=principal
        )

    async def ownership_page(
        self,
        principal: Principal,
        *,
        unit_ids: Collection[uuid.UUID] = (),
        person_ids: Collection[uuid.UUID] = (),
        include_retired: bool = True,
        limit: int = OWNERSHIP_PAGE,
        cursor: str | None = None,
    ) -> ToolOwnershipPage:
        """One page of the tenant's tools with their owners (at most 200 unit and 200 person
        ids per call): tools owned by any of them, or every tool without ids."""
        params: dict[str, Any] = {"limit": limit, "include_retired": include_retired}
        if unit_ids:
            params["unit_id"] = [str(unit_id) for unit_id in unit_ids]
        if person_ids:
            params["person_id"] = [str(person_id) for person_id in person_ids]
        if cursor:
            params["cursor"] = cursor
        response = await self.request(
            "GET", "/v1/inventory/reports/ownership", principal=principal, params=params
        )
        return self.parse(response, ToolOwnershipPage)

    async def all_ownership(
        self, principal: Principal, *, include_retired: bool = False
    ) -> list[ToolOwnership]:
        """Every tool of the tenant with its owners, a page of 1 000 per call."""
        tools: list[ToolOwnership] = []
        cursor: str | None = None
        while True:
            page = await self.ownership_page(
                principal, include_retired=include_retired, cursor=cursor
            )
            tools.extend(page.items)
            cursor = page.next_cursor
            if cursor is None:
                return tools

    async def tools_owned_by_units(
        self, principal: Principal, unit_ids: Collection[uuid.UUID], *, limit: int
    ) -> tuple[list[ToolOwnership], bool]:
        """Up to `limit` tools (retired ones too) that name one of the units (at most 200) as
        an owner, and whether there are more."""
        page = await self.ownership_page(principal, unit_ids=unit_ids, limit=limit)
        return page.items, page.next_cursor is not None

    async def evidence(
        self, principal: Principal, *, currency: str | None = None
    ) -> InventoryEvidence:
        """Every inventory figure of the scoring service's evidence, in one call whatever the
        tenant's size; money in `currency` (default: the one most active tools are costed in)."""
        params = {"currency": currency} if currency is not None else None
        response = await self.request(
            "GET", "/v1/inventory/reports/evidence", principal=principal, params=params
        )
        return self.parse(response, InventoryEvidence)

    async def existing_tool_ids(
        self, principal: Principal, tool_ids: Collection[uuid.UUID]
    ) -> set[uuid.UUID]:
        """Which of these ids are tools of the tenant (retired ones included). The inventory
        has no lookup by id, so this pages the ownership report (1 000 tools a call) until
        every id is found or the tools run out."""
        wanted = set(tool_ids)
        found: set[uuid.UUID] = set()
        cursor: str | None = None
        while wanted - found:
            page = await self.ownership_page(principal, include_retired=True, cursor=cursor)
            found.update(tool.tool_id for tool in page.items if tool.tool_id in wanted)
            cursor = page.next_cursor
            if cursor is None:
                break
        return found
