from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from mops_inventory.categories.service import LandscapeSeeder
from mops_shared.contracts.clients import OrgClient
from mops_shared.kit.auth import Principal, principal_dependency
from mops_shared.kit.deps import ReadDep, SessionDep

PrincipalDep = Annotated[Principal, Depends(principal_dependency("inventory"))]


async def get_landscape_seeder(request: Request) -> LandscapeSeeder:
    """The process-wide seeder the lifespan built (it remembers which tenants are seeded)."""
    seeder: LandscapeSeeder = request.app.state.landscape_seeder
    return seeder


LandscapeSeederDep = Annotated[LandscapeSeeder, Depends(get_landscape_seeder)]


async def get_org_client(request: Request) -> OrgClient:
    """The pooled client to the org service the lifespan built."""
    client: OrgClient = request.app.state.org_client
    return client


OrgClientDep = Annotated[OrgClient, Depends(get_org_client)]

__all__ = ["LandscapeSeederDep", "OrgClientDep", "PrincipalDep", "ReadDep", "SessionDep"]
