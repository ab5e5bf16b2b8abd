"""Stored CRM credentials (Pipedrive's Basic password, Salesforce's URL token) checked by the
webhooks service: scrypt in a worker thread, once per credential, and wrong ones limited."""

from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import pytest_asyncio
from sqlalchemy import event

from mops_webhooks.inbound.credential_guard import CredentialGuard
from mops_webhooks.providers import common
from tests.integration.conftest import Stack, TenantKey, client_for
from tests.integration.webhooks_support import CONNECTIONS
from tests.support import assert_problem

pytestmark = pytest.mark.asyncio

EVENT = json.dumps({"meta": {"id": "ev1", "action": "create", "entity": "deal"}}).encode()


@pytest_asyncio.fixture
async def service(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    """The webhooks service without the gateway, so that each test says its sender's address
    (X-Forwarded-For, as the gateway sets it)."""
    async with client_for(stack.webhooks) as client:
        yield client


@pytest.fixture
def scrypt_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The name of the thread each scrypt ran on, from now on."""
    threads: list[str] = []
    real = hashlib.scrypt

    def observed(*args: Any, **kwargs: Any) -> bytes:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    monkeypatch.setattr(common.hashlib, "scrypt", observed)
    return threads


def basic(user: str, password: str) -> dict[str, str]:
    return {"authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


async def pipedrive_connection(client: httpx.AsyncClient, tenant: TenantKey) -> str:
    created = await client.post(
        CONNECTIONS,
        json={"provider": "pipedrive", "name": "P", "username": "mops", "password": "s3"},
        headers=tenant.headers,
    )
    assert created.status_code == 201, created.text
    path: str = created.json()["receive_path"]
    return path


async def test_a_wrong_password_is_checked_once_in_a_worker_thread(
    gateway_client: httpx.AsyncClient,
    service: httpx.AsyncClient,
    tenant: TenantKey,
    scrypt_threads: list[str],
) -> None:
    url = await pipedrive_connection(gateway_client, tenant)
    scrypt_threads.clear()  # the connection's own hashing
    sender = {"x-forwarded-for": "198.51.100.10"}
    for _ in range(3):
        refused = await service.post(url, content=EVENT, headers=basic("mops", "wrong") | sender)
        assert_problem(refused, 401)
    assert len(scrypt_threads) == 1
    assert scrypt_threads[0] != threading.main_thread().name
    assert scrypt_threads[0].startswith("credential-check")


async def test_wrong_credentials_from_one_address_get_429_others_are_answered(
    stack: Stack,
    gateway_client: httpx.AsyncClient,
    service: httpx.AsyncClient,
    tenant: TenantKey,
) -> None:
    flooded = await pipedrive_connection(gateway_client, tenant)
    other = await pipedrive_connection(gateway_client, tenant)
    state = stack.webhooks.state
    kept, state.credential_guard = (
        state.credential_guard,
        CredentialGuard(failures_per_address=3, failures_per_connection=100),
    )
    try:
        flooder = {"x-forwarded-for": "198.51.100.20"}
        for n in range(3):
            wrong = basic("mops", f"wrong{n}") | flooder
            assert_problem(await service.post(flooded, content=EVENT, headers=wrong), 401)
        limited = await service.post(flooded, content=EVENT, headers=basic("mops", "x") | flooder)
        assert_problem(limited, 429)
        assert int(limited.headers["retry-after"]) >= 1

        someone = {"x-forwarded-for": "198.51.100.21"}
        refused = await service.post(other, content=EVENT, headers=basic("mops", "no") | someone)
        assert_problem(refused, 401)
        accepted = await service.post(other, content=EVENT, headers=basic("mops", "s3") | someone)
        assert accepted.status_code == 200, accepted.text
    finally:
        state.credential_guard.close()
        state.credential_guard = kept


async def test_a_limited_sender_is_refused_before_the_connection_is_read(
    stack: Stack,
    gateway_client: httpx.AsyncClient,
    service: httpx.AsyncClient,
    tenant: TenantKey,
) -> None:
    """Once an address is limited, its deliveries with unproven credentials cost no query;
    a credential proven before still passes and is stored."""
    flooded = await pipedrive_connection(gateway_client, tenant)
    state = stack.webhooks.state
    kept, state.credential_guard = (
        state.credential_guard,
        CredentialGuard(failures_per_address=2, failures_per_connection=100),
    )
    statements: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    engine = state.engine.sync_engine
    try:
        flooder = {"x-forwarded-for": "198.51.100.40"}
        proven = basic("mops", "s3") | flooder
        assert (await service.post(flooded, content=EVENT, headers=proven)).status_code == 200
        for n in range(2):
            wrong = basic("mops", f"wrong{n}") | flooder
            assert_problem(await service.post(flooded, content=EVENT, headers=wrong), 401)
        event.listen(engine, "before_cursor_execute", count)
        try:
            for n in range(3):
                wrong = basic("mops", f"again{n}") | flooder
                limited = await service.post(flooded, content=EVENT, headers=wrong)
                assert_problem(limited, 429)
            assert statements == []
            again = EVENT.replace(b"ev1", b"ev2")
            accepted = await service.post(flooded, content=again, headers=proven)
            assert accepted.status_code == 200, accepted.text
            assert accepted.json() == {"received": 1, "stored": 1}
            assert statements  # the proven delivery was read and stored
        finally:
            event.remove(engine, "before_cursor_execute", count)
    finally:
        state.credential_guard.close()
        state.credential_guard = kept


async def test_a_salesforce_token_is_checked_by_the_guard(
    gateway_client: httpx.AsyncClient,
    service: httpx.AsyncClient,
    tenant: TenantKey,
    scrypt_threads: list[str],
) -> None:
    created = await gateway_client.post(
        CONNECTIONS,
        json={"provider": "salesforce", "name": "S", "organization_id": "00D5e000000Abcd"},
        headers=tenant.headers,
    )
    assert created.status_code == 201, created.text
    url = created.json()["receive_path"] + "?token=wrong"
    scrypt_threads.clear()  # the token's own hashing
    sender = {"x-forwarded-for": "198.51.100.30"}
    for _ in range(2):
        refused = await service.post(url, content=b"<x/>", headers=sender)
        # A Salesforce sender is answered a SOAP fault, with the status of the refusal.
        assert refused.status_code == 401
        assert refused.headers["content-type"].startswith("text/xml")
        assert b"<faultcode>soapenv:Client</faultcode>" in refused.content
    assert len(scrypt_threads) == 1
    assert scrypt_threads[0].startswith("credential-check")
