"""Each service's models and migrations agree, and every history goes down and up again."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    Uuid,
    inspect,
    select,
)
from sqlalchemy.engine import Connection

from mops_shared.kit.db import UTCDateTime, create_engine
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


_RACI = Table(
    "raci_matrices",
    MetaData(),
    Column("id", Uuid),
    Column("tenant_id", Uuid),
    Column("name", String),
    Column("name_key", String),
    Column("allow_accountable_responsible", Boolean),
    Column("activities", JSON),
    Column("version", Integer),
    Column("created_at", UTCDateTime()),
    Column("updated_at", UTCDateTime()),
)


async def test_stored_activities_that_buy_tools_become_purchases_and_back(
    tmp_path: Path,
) -> None:
    """The org migration that gives RACI activities the kind `purchase`: whole words of their
    name decide, only activities of kind `programme` change, and the matrix's version goes up."""
    before, purchase_kind = "def4609836a6", "7c1d2e9a4b50"
    url, pg_name = await new_database("org", tmp_path)
    engine = create_engine(url)
    activities = [
        {"name": "Select and purchase martech", "kind": "programme", "assignments": []},
        {"name": "Approve a bring-your-own tool", "kind": "programme", "assignments": []},
        {"name": "Define the buyer persona", "kind": "programme", "assignments": []},
        {"name": "Buy consent records", "kind": "data", "assignments": []},
    ]
    untouched = [{"name": "Brand templates", "kind": "programme", "assignments": []}]
    changed_id, untouched_id = uuid.uuid4(), uuid.uuid4()
    try:
        await asyncio.to_thread(migrate, "org", url, before)
        now = datetime.now(UTC)
        async with engine.begin() as conn:
            for matrix_id, name, stored in (
                (changed_id, "Buying", activities),
                (untouched_id, "Brand", untouched),
            ):
                await conn.execute(
                    _RACI.insert().values(
                        id=matrix_id,
                        tenant_id=uuid.uuid4(),
                        name=name,
                        name_key=name.lower(),
                        allow_accountable_responsible=False,
                        activities=stored,
                        version=3,
                        created_at=now,
                        updated_at=now,
                    )
                )

        async def read() -> dict[uuid.UUID, tuple[list[str], int]]:
            async with engine.connect() as conn:
                rows = (
                    await conn.execute(select(_RACI.c.id, _RACI.c.activities, _RACI.c.version))
                ).all()
            return {row[0]: ([a["kind"] for a in row[1]], row[2]) for row in rows}

        await asyncio.to_thread(migrate, "org", url, purchase_kind)
        assert await read() == {
            changed_id: (["purchase", "purchase", "programme", "data"], 4),
            untouched_id: (["programme"], 3),
        }
        await asyncio.to_thread(downgrade, "org", url, before)
        assert await read() == {
            changed_id: (["programme", "programme", "programme", "data"], 5),
            untouched_id: (["programme"], 3),
        }
    finally:
        await engine.dispose()
        if pg_name:
            await drop_postgres_database(pg_name)
