"""Each service's models and migrations agree, and every history goes down and up again."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import MetaData, inspect
from sqlalchemy.engine import Connection

from mops_shared.kit.db import create_engine
from tests.support import SERVICES, downgrade, drop_postgres_database, migrate, new_database

pytestmark = pytest.mark.asyncio


def _metadata(service: str) -> MetaData:
    if service == "gateway":
        from mops_gateway.models import metadata as gateway_metadata

        return gateway_metadata
    if service == "inventory":
        from mops_inventory.models import metadata as inventory_metadata

        return inventory_metadata
    if service == "webhooks":
        from mops_webhooks.models import metadata as webhooks_metadata

        return webhooks_metadata
    if service == "org":
        from mops_org.models import metadata as org_metadata

        return org_metadata
    from mops_scoring.models import metadata as scoring_metadata

    return scoring_metadata


def _diff(connection: Connection, metadata: MetaData) -> list[object]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True}
    )
    return list(compare_metadata(context, metadata))


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


@pytest.mark.parametrize("service", SERVICES)
async def test_models_match_migrations_and_history_is_reversible(
    service: str, tmp_path: Path
) -> None:
    url, pg_name = await new_database(service, tmp_path)
    engine = create_engine(url)
    try:
        await asyncio.to_thread(migrate, service, url)
        metadata = _metadata(service)
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff, metadata) == []
            assert _tables_of(metadata) <= await conn.run_sync(_tables)

        await asyncio.to_thread(downgrade, service, url, "base")
        async with engine.connect() as conn:
            assert await conn.run_sync(_tables) <= {"alembic_version"}

        await asyncio.to_thread(migrate, service, url)
        async with engine.connect() as conn:
            assert await conn.run_sync(_diff, metadata) == []
    finally:
        await engine.dispose()
        if pg_name:
            await drop_postgres_database(pg_name)


def _tables_of(metadata: MetaData) -> set[str]:
    return set(metadata.tables)
