"""Use cases on the organisation profile: one per tenant, read as version 0 until first written.

A PUT replaces the whole profile; one that changes nothing writes nothing and keeps the version.
Every change leaves an audit entry and an `org_profile.updated` event in the same transaction.
"""

from __future__ import annotations

import uuid

from pydantic import TypeAdapter
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from mops_org.db import writes
from mops_org.profile import inference, repository
from mops_org.profile.models import OrgProfile
from mops_org.profile.schemas import OrgProfilePut, OrgProfileRead
from mops_shared.contracts.clients import InventoryClient
from mops_shared.contracts.org_profile import InferredModel, OperatingModel
from mops_shared.contracts.reports import ToolOwnership
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.reads import WireJSON, read_connection
from mops_shared.kit.writes import WRITE_ATTEMPTS, snapshot

_UNWRITTEN = OrgProfileRead(
    name=None,
    model=None,
    commerce_structure=None,
    notes=None,
    version=0,
    created_at=None,
    updated_at=None,
)


def _read(profile: OrgProfile | None) -> OrgProfileRead:
    return _UNWRITTEN if profile is None else OrgProfileRead.model_validate(profile)


PROFILE_JSON = WireJSON(OrgProfileRead)
_UNWRITTEN_JSON = TypeAdapter(OrgProfileRead).dump_json(_UNWRITTEN, by_alias=True)
# The inferred model is computed into its model: written once, as FastAPI would have.
_INFERRED_JSON = TypeAdapter(InferredModel)


async def read_profile(conn: AsyncConnection, principal: Principal) -> tuple[bytes, int]:
    """`OrgProfileRead`'s JSON with its version (for the ETag): version 0, every field null,
    before the first write."""
    row = await repository.profile_row(conn, principal.tenant_id)
    if row is None:
        return _UNWRITTEN_JSON, 0
    return PROFILE_JSON.dumps(PROFILE_JSON.item(row)), int(row["version"])


async def put_profile(
    session: AsyncSession, principal: Principal, data: OrgProfilePut, if_match: str | None
) -> OrgProfileRead:
    # Unlike retry_lost_races, an IntegrityError is a lost race too: another first write
    # created the row. The fresh read then answers 412 or applies.
    for _ in range(WRITE_ATTEMPTS):
        try:
            return await _put_once(session, principal, data, if_match)
        except (StaleDataError, IntegrityError):
            await session.rollback()
            session.expunge_all()
    raise Conflict("The profile kept changing while this request ran; read it again and retry.")


async def _put_once(
    session: AsyncSession, principal: Principal, data: OrgProfilePut, if_match: str | None
) -> OrgProfileRead:
    profile = await repository.get(session, principal.tenant_id)
    before = _read(profile)
    check_if_match(if_match, before.version)
    values = {
        "name": data.name,
        "model": data.model.value if data.model else None,
        "commerce_structure": data.commerce_structure.value if data.commerce_structure else None,
        "notes": data.notes,
    }
    if all(getattr(before, field) == value for field, value in values.items()):
        return before
    now = utcnow()
    if profile is None:
        profile = repository.add(session, OrgProfile(tenant_id=principal.tenant_id, created_at=now))
    else:
        profile.version += 1
    for field, value in values.items():
        setattr(profile, field, value)
    profile.updated_at = now
    # An insert that lost the race for the tenant's row, or an update whose `WHERE version =
    # <read>` matched nothing, fails here, before anything else is written.
    await session.flush()
    after = OrgProfileRead.model_validate(profile)
    await writes.record_change(
        session,
        principal,
        action="create" if before.version == 0 else "update",
        object_type="org_profile",
        object_id=principal.tenant_id,
        before=None if before.version == 0 else snapshot(before),
        after=snapshot(after),
        event="org_profile.updated",
    )
    await session.commit()
    return after


async def read_inferred_model(
    engine: AsyncEngine, principal: Principal, inventory: InventoryClient
) -> bytes:
    """`InferredModel`'s JSON. The inventory first: no connection of the pool is held while it
    answers (`engine` is the read engine, whose connection is taken after)."""
    ownership = await inventory.all_ownership(principal)
    async with read_connection(engine) as conn:
        found = await infer_from(conn, principal.tenant_id, ownership)
    return _INFERRED_JSON.dump_json(found, by_alias=True)


async def infer_from(
    conn: AsyncConnection,
    tenant_id: uuid.UUID,
    ownership: list[ToolOwnership],
    shape: inference.OrgShape | None = None,
) -> InferredModel:
    """The declared and inferred models, with `ownership` the inventory's list of the tenant's
    tools and owners (fetched once by the caller: the metrics endpoint reuses it, and its
    `shape` of the organisation)."""
    basis = await inference.model_basis(conn, tenant_id, ownership, shape)
    inferred, reasons = inference.infer_model(basis, basis.hub_units, basis.spoke_units)
    profile = await repository.profile_row(conn, tenant_id)
    declared = OperatingModel(profile["model"]) if profile and profile["model"] else None
    return InferredModel(
        declared=declared,
        inferred=inferred,
        agrees=None if declared is None or inferred is None else declared == inferred,
        basis=basis,
        reasons=reasons,
    )
