"""The `mops tenants` and `mops keys` commands, on a migrated gateway database."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mops_cli.main import app
from mops_gateway.authn import KeyAuthenticator
from mops_gateway.keys.schemas import ApiKeyCreate
from mops_gateway.keys.service import create_key
from mops_shared.kit.auth import ApiScope
from mops_shared.kit.db import create_engine, create_sessionmaker
from mops_shared.kit.errors import Unauthorized
from mops_shared.kit.pagination import MAX_LIMIT
from tests.support import ALEMBIC_INI, drop_postgres_database, migrate, new_database


@pytest.fixture
def gateway_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url, pg_name = asyncio.run(new_database("gateway", tmp_path))
    migrate("gateway", url)
    monkeypatch.setenv("MOPS_GATEWAY_DATABASE_URL", url)
    monkeypatch.setenv("MOPS_ALEMBIC_INI", str(ALEMBIC_INI))
    yield url
    if pg_name:
        asyncio.run(drop_postgres_database(pg_name))


def mops(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def authenticate(url: str, key: str) -> uuid.UUID:
    async def go() -> uuid.UUID:
        engine = create_engine(url)
        try:
            return (
                await KeyAuthenticator(engine, cache_seconds=0).authenticate(f"Bearer {key}")
            ).tenant_id
        finally:
            await engine.dispose()

    return asyncio.run(go())


def test_tenant_and_key_created_by_the_cli_authenticate(gateway_db: str) -> None:
    tenant_id = uuid.UUID(mops("tenants", "create", "Acme").strip())
    assert "Acme" in mops("tenants", "list")
    key = mops("keys", "create", "--tenant", "Acme", "--name", "ci", "--scope", "org:read").strip()
    assert key.startswith("mops_")
    assert authenticate(gateway_db, key) == tenant_id
    listing = mops("keys", "list", "--tenant", str(tenant_id))
    assert "ci" in listing
    assert "org:read" in listing
    assert key not in listing


def test_revoked_key_no_longer_authenticates(gateway_db: str) -> None:
    mops("tenants", "create", "Globex")
    key = mops("keys", "create", "--tenant", "Globex", "--name", "old", "--scope", "admin").strip()
    key_id = str(uuid.UUID(hex=key.split("_")[1]))
    assert "revoked" in mops("keys", "revoke", key_id, "--tenant", "Globex")
    with pytest.raises(Unauthorized, match="revoked"):
        authenticate(gateway_db, key)


def test_keys_list_reads_past_one_page_and_all_adds_the_revoked(gateway_db: str) -> None:
    tenant_id = uuid.UUID(mops("tenants", "create", "Umbrella").strip())

    async def create_keys(count: int) -> None:
        engine = create_engine(gateway_db)
        try:
            async with create_sessionmaker(engine)() as session:
                for i in range(count):
                    data = ApiKeyCreate(name=f"k{i:03}", scopes=[ApiScope.org_read])
                    await create_key(session, tenant_id, data)
        finally:
            await engine.dispose()

    # One key more than a page of the repository, so the listing has to follow the cursor.
    asyncio.run(create_keys(MAX_LIMIT + 1))
    first = mops("keys", "list", "--tenant", "Umbrella").splitlines()[1].split()[0]
    mops("keys", "revoke", first, "--tenant", "Umbrella")

    active = mops("keys", "list", "--tenant", "Umbrella").splitlines()
    assert active[0].split() == ["ID", "NAME", "SCOPES", "CREATED", "REVOKED"]
    assert len(active) == 1 + MAX_LIMIT
    assert first not in "\n".join(active)
    everything = mops("keys", "list", "--tenant", "Umbrella", "--all").splitlines()
    assert len(everything) == 1 + MAX_LIMIT + 1
    (revoked_row,) = [row for row in everything if row.startswith(first)]
    assert revoked_row.split()[-1] != "-"
    assert {row.split()[1] for row in everything[1:]} == {f"k{i:03}" for i in range(MAX_LIMIT + 1)}


def test_duplicate_tenant_and_unknown_scope_fail_with_a_message(gateway_db: str) -> None:
    mops("tenants", "create", "Initech")
    duplicate = CliRunner().invoke(app, ["tenants", "create", "initech"])
    assert duplicate.exit_code == 1
    assert "already exists" in duplicate.output
    bad_scope = CliRunner().invoke(
        app, ["keys", "create", "--tenant", "Initech", "--name", "x", "--scope", "root"]
    )
    assert bad_scope.exit_code != 0
    unknown_tenant = CliRunner().invoke(
        app, ["keys", "create", "--tenant", "Nobody", "--name", "x", "--scope", "admin"]
    )
    assert unknown_tenant.exit_code == 1
    assert "no tenant named 'Nobody'" in unknown_tenant.output


def test_commands_refuse_an_unmigrated_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOPS_GATEWAY_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'empty.db'}")
    monkeypatch.setenv("MOPS_ALEMBIC_INI", str(ALEMBIC_INI))
    result = CliRunner().invoke(app, ["tenants", "list"])
    assert result.exit_code == 1
    assert "not migrated" in result.output
