from __future__ import annotations

import uuid
from collections.abc import Collection

from mops_shared.auth import Principal
from mops_shared.clients.base import ServiceClient
from mops_shared.schemas.org import UnitPage, UnitRead

# The org service's cap on `id` per call, which is also its largest page.
UNIT_BATCH_SIZE = 200


class OrgClient(ServiceClient):
    service = "org"

    async def get_unit(self, principal: Principal, unit_id: uuid.UUID) -> UnitRead | None:
        return await self.get_model(f"/v1/org/units/{unit_id}", UnitRead, principal=principal)

    async def get_units(
        self, principal: Principal, unit_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, UnitRead]:
        """The units among `unit_ids` that exist in the tenant, by id; one call per 200 ids."""
        wanted = list(dict.fromkeys(unit_ids))
        found: dict[uuid.UUID, UnitRead] = {}
        for start in range(0, len(wanted), UNIT_BATCH_SIZE):
            chunk = wanted[start : start + UNIT_BATCH_SIZE]
            params = {"limit": UNIT_BATCH_SIZE, "id": [str(unit_id) for unit_id in chunk]}
            response = await self.request(
                "GET", "/v1/org/units", principal=principal, params=params
            )
            found.update((unit.id, unit) for unit in self.parse(response, UnitPage).items)
        return found

    async def list_units(
        self, principal: Principal, *, limit: int = 200, cursor: str | None = None
    ) -> UnitPage:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = await self.request("GET", "/v1/org/units", principal=principal, params=params)
        return self.parse(response, UnitPage)

    async def all_units(self, principal: Principal) -> list[UnitRead]:
        """Every unit of the tenant, page by page (an organisation has hundreds, not millions)."""
        units: list[UnitRead] = []
        cursor: str | None = None
        while True:
            page = await self.list_units(principal, limit=200, cursor=cursor)
            units.extend(page.items)
            cursor = page.next_cursor
            if cursor is None:
                return units
