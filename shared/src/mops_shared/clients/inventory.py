from __future__ import annotations

from mops_shared.auth import Principal
from mops_shared.clients.base import ServiceClient
from mops_shared.schemas.inventory import CategoryPage


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
