"""Deliveries taken by the webhooks service's pure-ASGI receive path (`inbound.receive_fast`) and
those it leaves to the documented route: both store the same events once and answer the same.

The deliveries here go to the service itself (the gateway reads a chunked body whole before
passing it on, so through it every delivery has a length); the connections and the inbox are
read through the gateway, as a tenant does."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import pytest_asyncio
from standardwebhooks.webhooks import Webhook

from mops_webhooks.inbound import router
from mops_webhooks.inbound import service as inbound_service
from mops_webhooks.providers.salesforce import SALESFORCE_ACK
from tests.integration.conftest import Stack, TenantKey, client_for
from tests.integration.webhooks_support import (
    CONNECTIONS,
    SALESFORCE_ORG,
    inbox,
    salesforce_message,
)

pytestmark = pytest.mark.asyncio


@pytest_asyncio.fixture
async def service(stack: Stack) -> AsyncIterator[httpx.AsyncClient]:
    """The webhooks service, in process, without the gateway in front."""
    async with client_for(stack.webhooks) as client:
        yield client


async def generic_connection(client: httpx.AsyncClient, tenant: TenantKey) -> dict[str, Any]:
    response = await client.post(
        CONNECTIONS, json={"provider": "generic", "name": "Forms"}, headers=tenant.headers
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


def signed(secret: str, message_id: str) -> tuple[bytes, dict[str, str]]:
    body = json.dumps({"type": "form.submitted", "data": {"id": message_id}})
    now = datetime.now(UTC)
    return body.encode(), {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, now, body),
    }


async def test_a_delivery_with_a_length_is_acknowledged_without_the_route(
    gateway_client: httpx.AsyncClient,
    service: httpx.AsyncClient,
    tenant: TenantKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connection = await generic_connection(gateway_client, tenant)
    body, headers = signed(connection["generated_secret"], "msg_fast")

    async def route_used(*_: Any, **__: Any) -> bytes:
        raise AssertionError("the FastAPI route read the body")

    monkeypatch.setattr(router, "bounded_body", route_used)
    sent = await service.post(connection["receive_path"], content=body, headers=headers)

    assert sent.status_code == 200, sent.text
    assert sent.json() == {"received": 1, "stored": 1}
    assert sent.headers["content-type"] == "application/json"
    assert sent.headers["x-request-id"]
    (event,) = await inbox(gateway_client, tenant)
    assert event["identity"] == "generic:msg_fast"


async def test_a_chunked_delivery_and_an_upper_case_id_go_to_the_route_with_the_same_result(
    gateway_client: httpx.AsyncClient, service: httpx.AsyncClient, tenant: TenantKey
) -> None:
    connection = await generic_connection(gateway_client, tenant)
    body, headers = signed(connection["generated_secret"], "msg_route")

    async def chunks() -> AsyncIterator[bytes]:
        yield body[:10]
        yield body[10:]

    chunked = await service.post(connection["receive_path"], content=chunks(), headers=headers)
    upper = connection["receive_path"].rsplit("/", 1)
    again = await service.post(f"{upper[0]}/{upper[1].upper()}", content=body, headers=headers)
    fast = await service.post(connection["receive_path"], content=body, headers=headers)

    assert chunked.status_code == 200, chunked.text
    assert chunked.json() == {"received": 1, "stored": 1}
    assert again.json() == fast.json() == {"received": 1, "stored": 0}
    assert len(await inbox(gateway_client, tenant)) == 1


async def test_both_paths_answer_what_the_services_acknowledge_gives_json_and_soap_alike(
    gateway_client: httpx.AsyncClient,
    service: httpx.AsyncClient,
    tenant: TenantKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The shim only adapts ASGI: the answer (its bytes and media type) is `acknowledge`'s,
    whichever path took the delivery."""
    acknowledged: list[Any] = []
    real = inbound_service.acknowledge

    async def recorded(*args: Any, **kwargs: Any) -> inbound_service.Answer:
        answer = await real(*args, **kwargs)
        acknowledged.append(answer)
        return answer

    monkeypatch.setattr(inbound_service, "acknowledge", recorded)

    async def chunks(body: bytes) -> AsyncIterator[bytes]:
        yield body

    connection = await generic_connection(gateway_client, tenant)
    body, headers = signed(connection["generated_secret"], "msg_same")
    fast = await service.post(connection["receive_path"], content=body, headers=headers)
    routed = await service.post(connection["receive_path"], content=chunks(body), headers=headers)

    assert (fast.status_code, routed.status_code) == (200, 200)
    assert fast.content == b'{"received":1,"stored":1}'
    assert routed.content == b'{"received":1,"stored":0}'
    assert fast.headers["content-type"] == routed.headers["content-type"] == "application/json"

    created = await gateway_client.post(
        CONNECTIONS,
        json={"provider": "salesforce", "name": "Salesforce", "organization_id": SALESFORCE_ORG},
        headers=tenant.headers,
    )
    assert created.status_code == 201, created.text
    url, token = created.json()["receive_path"], created.json()["generated_secret"]
    message = salesforce_message("04l5e00000Gx7QzAAB")
    fast = await service.post(url, params={"token": token}, content=message)
    routed = await service.post(url, params={"token": token}, content=chunks(message))

    assert (fast.status_code, routed.status_code) == (200, 200)
    assert fast.content == routed.content == SALESFORCE_ACK
    assert fast.headers["content-type"] == routed.headers["content-type"]
    assert fast.headers["content-type"] == "text/xml; charset=utf-8"
    # A refused Salesforce message: the same SOAP fault and status on either path.
    fast_fault = await service.post(url, params={"token": "wrong"}, content=message)
    routed_fault = await service.post(url, params={"token": "wrong"}, content=chunks(message))
    assert (fast_fault.status_code, routed_fault.status_code) == (401, 401)
    assert fast_fault.content == routed_fault.content
    assert b"<faultcode>soapenv:Client</faultcode>" in fast_fault.content
    assert fast_fault.headers["content-type"] == routed_fault.headers["content-type"]
    assert [(answer.status, answer.body) for answer in acknowledged] == [
        (200, b'{"received":1,"stored":1}'),
        (200, b'{"received":1,"stored":0}'),
        (200, SALESFORCE_ACK),
        (200, SALESFORCE_ACK),
        (401, fast_fault.content),
        (401, fast_fault.content),
    ]


async def test_an_unproven_delivery_is_the_same_401_problem_on_either_path(
    gateway_client: httpx.AsyncClient, service: httpx.AsyncClient, tenant: TenantKey
) -> None:
    connection = await generic_connection(gateway_client, tenant)
    body, headers = signed("whsec_" + "A" * 32, "msg_forged")

    async def chunks() -> AsyncIterator[bytes]:
        yield body

    fast = await service.post(connection["receive_path"], content=body, headers=headers)
    routed = await service.post(connection["receive_path"], content=chunks(), headers=headers)

    assert fast.status_code == routed.status_code == 401
    assert fast.headers["content-type"] == routed.headers["content-type"]
    drop = ("request_id",)
    assert {k: v for k, v in fast.json().items() if k not in drop} == {
        k: v for k, v in routed.json().items() if k not in drop
    }
    assert await inbox(gateway_client, tenant) == []


async def test_concurrent_deliveries_are_committed_together_each_acknowledged_once(
    gateway_client: httpx.AsyncClient,
    service: httpx.AsyncClient,
    tenant: TenantKey,
    stack: Stack,
) -> None:
    """Deliveries arriving together share commits (kit.group_commit); each is acknowledged
    with its own count, and a delivery sent twice at once is stored once."""
    connection = await generic_connection(gateway_client, tenant)
    secret = connection["generated_secret"]
    deliveries = [signed(secret, f"msg_group_{n}") for n in range(20)]
    deliveries.append(deliveries[0])  # the same delivery twice, in the same burst
    writer = stack.webhooks.state.inbox_writer
    before = writer.batches

    answers = await asyncio.gather(
        *(
            service.post(connection["receive_path"], content=body, headers=headers)
            for body, headers in deliveries
        )
    )

    assert [a.status_code for a in answers] == [200] * 21
    assert sorted(a.json()["stored"] for a in answers) == [0] + [1] * 20
    assert writer.batches - before < 21  # shared commits, not one per delivery
    identities = {e["identity"] for e in await inbox(gateway_client, tenant)}
    assert identities == {f"generic:msg_group_{n}" for n in range(20)}
