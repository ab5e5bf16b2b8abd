from __future__ import annotations

from mops_shared.contracts.clients.base import ServiceClient
from mops_shared.contracts.scoring import FrameworkPage
from mops_shared.kit.auth import Principal


class ScoringClient(ServiceClient):
    service = "scoring"

    async def list_frameworks(
        self, principal: Principal, *, limit: int = 200, cursor: str | None = None
    ) -> FrameworkPage:
        params: dict[str, str | int] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        response = await self.request(
            "GET", "/v1/scoring/frameworks", principal=principal, params=params
        )
        return self.parse(response, FrameworkPage)
