from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mops_shared.contracts.clients import InventoryClient, OrgClient
from mops_shared.kit.auth import Principal, principal_dependency
from mops_shared.kit.deps import ReadDep, SessionDep

PrincipalDep = Annotated[Principal, Depends(principal_dependency("scoring"))]


async def get_inventory_client(request: Request) -> InventoryClient:
    """The pooled client to the inventory service the lifespan built."""
    client: InventoryClient = request.app.state.inventory_client
    return client


async def get_org_client(request: Request) -> OrgClient:
    """The pooled client to the org service the lifespan built."""
    client: OrgClient = request.app.state.org_client
    return client


InventoryClientDep = Annotated[InventoryClient, Depends(get_inventory_client)]
OrgClientDep = Annotated[OrgClient, Depends(get_org_client)]

__all__ = ["InventoryClientDep", "OrgClientDep", "PrincipalDep", "ReadDep", "SessionDep"]
