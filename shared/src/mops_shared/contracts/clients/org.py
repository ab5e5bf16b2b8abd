from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any, TypeVar

from mops_shared.contracts.clients.base import ServiceClient
from mops_shared.contracts.org import PersonPage, PersonRead, UnitPage, UnitRead, email_key
from mops_shared.contracts.org_metrics import OrgMetrics
from mops_shared.contracts.org_raci import RaciMatrixRead
from mops_shared.contracts.pagination import Page
from mops_shared.kit.auth import Principal

# The org service's cap on `id` (and `email`) per call, which is also its largest page.
BATCH_SIZE = 200

PageT = TypeVar("PageT", bound=Page[Any])


class OrgClient(ServiceClient):
    service = "org"

    async def metrics(self, principal: Principal, *, allow_partial: bool = False) -> OrgMetrics:
        """Every org metric in one call (`GET /v1/org/metrics`)."""
        params = {"allow_partial": "true"} if allow_partial else None
        response = await self.request("GET", "/v1/org/metrics", principal=principal, params=params)
        return self.parse(response, OrgMetrics)

    async def raci_matrix(
        self, principal: Principal, matrix_id: uuid.UUID
    ) -> RaciMatrixRead | None:
        """One RACI matrix of the tenant, judged; None if there is no such matrix."""
        return await self.get_model(
            f"/v1/org/raci-matrices/{matrix_id}", RaciMatrixRead, principal=principal
        )

    async def get_unit(self, principal: Principal, unit_id: uuid.UUID) -> UnitRead | None:
        return await self.get_model(f"/v1/org/units/{unit_id}", UnitRead, principal=principal)

    async def _lookup(
        self,
        principal: Principal,
        path: str,
        parameter: str,
        values: list[str],
        page: type[PageT],
    ) -> list[Any]:
        """The items matching any of `values` (a repeated query parameter), one call per
        BATCH_SIZE values: a batch lookup never needs a cursor."""
        items: list[Any] = []
        for start in range(0, len(values), BATCH_SIZE):
            params = {"limit": BATCH_SIZE, parameter: values[start : start + BATCH_SIZE]}
            response = await self.request("GET", path, principal=principal, params=params)
            items.extend(self.parse(response, page).items)
        return items

    async def get_units(
        self, principal: Principal, unit_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, UnitRead]:
        """The units among `unit_ids` that exist in the tenant, by id; one call per 200 ids."""
        wanted = [str(unit_id) for unit_id in dict.fromkeys(unit_ids)]
        units = await self._lookup(principal, "/v1/org/units", "id", wanted, UnitPage)
        return {unit.id: unit for unit in units}

    async def get_people(
        self, principal: Principal, person_ids: Collection[uuid.UUID]
    ) -> dict[uuid.UUID, PersonRead]:
        """The people among `person_ids` that exist in the tenant, by id; one call per 200 ids."""
        wanted = [str(person_id) for person_id in dict.fromkeys(person_ids)]
        people = await self._lookup(principal, "/v1/org/people", "id", wanted, PersonPage)
        return {person.id: person for person in people}

    async def find_people_by_email(
        self, principal: Principal, emails: Collection[str]
    ) -> dict[str, PersonRead]:
        """The tenant's people with one of `emails`, by lower-cased email (the org service
        compares them without case); one call per 200 emails."""
        wanted = list(dict.fromkeys(email_key(email) for email in emails))
        people = await self._lookup(principal, "/v1/org/people", "email", wanted, PersonPage)
        return {person.email.lower(): person for person in people}

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
