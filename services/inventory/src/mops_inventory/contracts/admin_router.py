"""`POST /v1/inventory/admin/renewal-sweep`: the renewal sweep, now, for the caller's tenant."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from mops_inventory.config import InventorySettings
from mops_inventory.contracts.jobs import emit_due_renewals, utc_today
from mops_inventory.deps import PrincipalDep, SessionDep
from mops_shared.kit.auth import ApiScope
from mops_shared.kit.errors import Forbidden, problem_responses

router = APIRouter(tags=["inventory"])


class RenewalSweepResult(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"events_emitted": 2, "as_of": "2026-12-01", "horizon_days": 30}]
        }
    )

    events_emitted: int = Field(description="`contract.renewal_due` events recorded by this run.")
    as_of: date = Field(description="The day the sweep counted from (today, UTC).")
    horizon_days: int = Field(description="The window after `as_of` the sweep looked at.")


DESCRIPTION = """\
Runs the renewal sweep the service otherwise runs on its own every
`MOPS_INVENTORY_RENEWAL_SWEEP_SECONDS`, now and for the caller's tenant only: every contract
whose renewal is still ahead and whose notice deadline (its renewal date when it has no notice
period) falls on or before `as_of + horizon_days` (already passed included) gets one
`contract.renewal_due` event in the outbox, unless one was already recorded for its current
renewal date. Running it again records nothing new. Needs the `admin` scope. Accepts
`Idempotency-Key` (with an empty body).
"""


@router.post(
    "/v1/inventory/admin/renewal-sweep",
    operation_id="inventory_run_renewal_sweep",
    summary="Announce the tenant's due contract renewals now",
    description=DESCRIPTION,
    responses=problem_responses(401, 403, 422),
)
async def run_renewal_sweep(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    horizon_days: Annotated[
        int | None,
        Query(
            ge=0,
            le=365,
            description="Days after today to look at; MOPS_INVENTORY_RENEWAL_HORIZON_DAYS "
            "by default.",
        ),
    ] = None,
) -> RenewalSweepResult:
    if not principal.has_scope(ApiScope.admin.value):
        raise Forbidden(f"This API key lacks the scope {ApiScope.admin.value}.")
    settings: InventorySettings = request.app.state.settings
    horizon = horizon_days if horizon_days is not None else settings.renewal_horizon_days
    today = utc_today()
    emitted = await emit_due_renewals(
        session,
        today=today,
        horizon_days=horizon,
        tenant_id=principal.tenant_id,
        request_id=principal.request_id,
    )
    return RenewalSweepResult(events_emitted=emitted, as_of=today, horizon_days=horizon)
