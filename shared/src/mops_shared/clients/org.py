from __future__ import annotations

import uuid

from mops_shared.auth import Principal
from mops_shared.clients.base import ServiceClient
from mops_shared.schemas.org import UnitPage, UnitRead


class OrgClient(ServiceClient):
    service = "org"

    async def get_unit(self, principal: Principal, unit_id: uuid.UUID) -> UnitRead | None:
        return await self.get_model(f"/v1/org/units/{unit_id}", UnitRead, principal=principal)

    async def list_units(
        self, principal: Principal, *, limit: int = 200, cursor: str | None = None
    ) -> UnitPage:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = await self.request("GET", "/v1/org/units", principal=principal, params=params)
        return self.parse(response, UnitPage)
