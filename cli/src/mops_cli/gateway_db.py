"""The gateway's database, as `mops tenants` and `mops keys` use it: directly
(MOPS_GATEWAY_DATABASE_URL, or the SQLite file under MOPS_DATA_DIR), through the gateway's own
service functions, the same ones as its admin API."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from mops_cli.output import fail
from mops_gateway.config import GatewaySettings
from mops_gateway.tenants.schemas import TenantRead
from mops_shared.kit.errors import MopsError

T = TypeVar("T")


def with_session(use: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Runs `use` with a session on the gateway database, turning failures into one-line errors."""
    from mops_shared.kit.db import create_engine, create_sessionmaker
    from mops_shared.kit.readiness import current_revisions, head_revisions

    settings = GatewaySettings()

    async def go() -> T:
        engine = create_engine(settings.database_url)
        try:
            current = await current_revisions(engine)
            if not current or current != head_revisions(settings.alembic_ini, "gateway"):
                raise fail(
                    f"the gateway database ({engine.url.render_as_string(hide_password=True)}) "
                    "is not migrated: run `mops migrate gateway` (or `make run`) first"
                )
            async with create_sessionmaker(engine)() as session:
                return await use(session)
        finally:
            await engine.dispose()

    try:
        return asyncio.run(go())
    except FileNotFoundError as exc:
        raise fail(f"{exc}: run mops from the repository root or set MOPS_ALEMBIC_INI") from exc
    except MopsError as exc:
        raise fail(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise fail(f"the gateway database failed: {exc}") from exc


async def resolve_tenant(session: AsyncSession, name_or_id: str) -> TenantRead:
    from mops_gateway.tenants.service import find_tenant_by_name, get_tenant

    try:
        tenant_id = uuid.UUID(name_or_id)
    except ValueError:
        tenant = await find_tenant_by_name(session, name_or_id)
        if tenant is None:
            raise fail(f"no tenant named {name_or_id!r}") from None
        return tenant
    return await get_tenant(session, tenant_id)
