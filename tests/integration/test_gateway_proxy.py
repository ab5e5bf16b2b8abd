"""The proxy hop: forwarding, request ids, body limits, failing and stalling services."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest

from mops_gateway.main import create_app as create_gateway
from tests.integration.conftest import Stack, TenantKey, client_for, gateway_settings, new_tenant
from tests.support import build_service_app, running, serve

pytestmark = pytest.mark.asyncio


async def test_request_id_reaches_the_service_and_comes_back(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    response = await gateway_client.get(
        "/v1/org/nope", headers={**tenant.headers, "x-request-id": "trace-42"}
    )
    assert response.status_code == 404
    assert response.headers["x-request-id"] == "trace-42"
    # The service's own problem body names the same request id: it was forwarded.
    assert response.json()["request_id"] == "trace-42"
    assert response.headers["content-type"] == "application/problem+json"


async def test_services_problem_passes_through_unchanged(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    response = await gateway_client.post(
        "/v1/org/units", json={"name": "", "type": "team"}, headers=tenant.headers
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "/name"
    assert response.headers["ratelimit-limit"]


async def test_query_string_and_encoded_path_are_forwarded(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    for name in ("Zeta", "Alpha", "Mid"):
        await gateway_client.post(
            "/v1/org/units", json={"name": name, "type": "team"}, headers=tenant.headers
        )
    page = await gateway_client.get("/v1/org/units?sort=-name&limit=2", headers=tenant.headers)
    assert [u["name"] for u in page.json()["items"]] == ["Zeta", "Mid"]


async def test_body_over_the_limit_is_413_and_nothing_is_written(
    stack: Stack, tenant: TenantKey
) -> None:
    small = create_gateway(
        gateway_settings(
            stack.database_urls["gateway"],
            org_url=stack.services["org"].url,
            max_body_bytes=2048,
        )
    )
    async with running(small), client_for(small) as client:
        big_name = "x" * 4000
        response = await client.post(
            "/v1/org/units", json={"name": big_name, "type": "team"}, headers=tenant.headers
        )
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"

        async def chunks() -> AsyncIterator[bytes]:
            for _ in range(4):
                yield b'{"name": "' + b"y" * 1000

        chunked = await client.post(
            "/v1/org/units",
            content=chunks(),
            headers={**tenant.headers, "content-type": "application/json"},
        )
        assert chunked.status_code == 413
        listed = await client.get("/v1/org/units", headers=tenant.headers)
        assert listed.json()["items"] == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_stopped_service_gives_503_promptly(
    stack: Stack, database_urls: dict[str, str]
) -> None:
    doomed = await serve(build_service_app("inventory", database_urls["inventory"]))
    gateway = create_gateway(gateway_settings(database_urls["gateway"], inventory_url=doomed.url))
    async with running(gateway), client_for(gateway) as client:
        tenant = await new_tenant(gateway)
        assert (
            await client.get("/v1/inventory/categories", headers=tenant.headers)
        ).status_code == 200
        await doomed.stop()
        started = time.perf_counter()
        response = await client.get("/v1/inventory/categories", headers=tenant.headers)
        elapsed = time.perf_counter() - started
    assert response.status_code == 503
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "The inventory service is unavailable."
    assert elapsed < 2.5


async def test_never_started_service_gives_503(stack: Stack) -> None:
    gateway = create_gateway(
        gateway_settings(
            stack.database_urls["gateway"], scoring_url=f"http://127.0.0.1:{_closed_port()}"
        )
    )
    async with running(gateway), client_for(gateway) as client:
        tenant = await new_tenant(gateway)
        response = await client.get("/v1/scoring/frameworks", headers=tenant.headers)
    assert response.status_code == 503


@asynccontextmanager
async def stalling_upstream() -> AsyncIterator[tuple[str, list[asyncio.StreamWriter]]]:
    """A server that takes connections and never answers: its URL, and its connections so far."""
    stalled: list[asyncio.StreamWriter] = []

    async def accept_and_stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        stalled.append(writer)  # reads the request, never answers

    server = await asyncio.start_server(accept_and_stall, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}", stalled
    finally:
        for writer in stalled:
            writer.close()
        server.close()
        await server.wait_closed()


async def test_a_service_whose_every_connection_is_busy_is_503_with_retry_after(
    stack: Stack,
) -> None:
    async with stalling_upstream() as (url, stalled):
        gateway = create_gateway(
            gateway_settings(
                stack.database_urls["gateway"],
                org_url=url,
                upstream_pool_size=1,
                upstream_connect_timeout=0.3,
                upstream_read_timeout=3.0,
            )
        )
        async with running(gateway), client_for(gateway) as client:
            tenant = await new_tenant(gateway)
            holder = asyncio.create_task(client.get("/v1/org/units", headers=tenant.headers))
            while not stalled:  # the only connection is taken, and stays so
                await asyncio.sleep(0.01)
            busy = await client.get("/v1/org/people", headers=tenant.headers)
            holder.cancel()
    assert busy.status_code == 503, busy.text
    assert busy.headers["retry-after"] == "1"
    assert busy.headers["content-type"].startswith("application/problem+json")
    assert "busy" in busy.json()["detail"]


async def test_an_unreachable_service_is_503_with_retry_after(stack: Stack) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    gateway = create_gateway(
        gateway_settings(stack.database_urls["gateway"], org_url=f"http://127.0.0.1:{port}")
    )
    async with running(gateway), client_for(gateway) as client:
        tenant = await new_tenant(gateway)
        response = await client.get("/v1/org/units", headers=tenant.headers)
    assert response.status_code == 503
    assert response.headers["retry-after"] == "1"


async def test_stalling_service_gives_504_within_the_timeout(stack: Stack) -> None:
    async with stalling_upstream() as (url, _):
        gateway = create_gateway(
            gateway_settings(stack.database_urls["gateway"], org_url=url, upstream_read_timeout=0.5)
        )
        async with running(gateway), client_for(gateway) as client:
            tenant = await new_tenant(gateway)
            started = time.perf_counter()
            response = await client.get("/v1/org/units", headers=tenant.headers)
            elapsed = time.perf_counter() - started
    assert response.status_code == 504
    assert response.json()["detail"] == "The org service did not answer in time."
    assert 0.4 < elapsed < 2.0


async def test_unknown_gateway_path_and_method_are_problems(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    missing = await gateway_client.get("/v2/anything")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    wrong = await gateway_client.put("/v1/admin/keys", headers=tenant.headers)
    assert wrong.status_code == 405
    assert wrong.headers["content-type"] == "application/problem+json"
    # Without a key, /v1/admin answers nothing more than 401, whatever the method.
    assert (await gateway_client.put("/v1/admin/keys")).status_code == 401


async def test_a_framework_version_is_written_and_read_through_the_gateway(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    frameworks = "/v1/scoring/frameworks"
    listed = await gateway_client.get(f"{frameworks}?key=five_forces", headers=tenant.headers)
    (built_in,) = listed.json()["items"]
    base = await gateway_client.get(f"{frameworks}/{built_in['id']}", headers=tenant.headers)
    document = base.json()["document"]
    document["thresholds"]["weak"] = 55
    created = await gateway_client.post(
        f"{frameworks}/{built_in['id']}/versions",
        json={"document": document},
        headers=tenant.headers,
    )
    assert created.status_code == 201, created.text
    assert created.json()["version"] == 2
    schema = await gateway_client.get(f"{frameworks}/schema", headers=tenant.headers)
    # One document schema per kind, told apart by `kind`.
    assert {ref["$ref"].rsplit("/", 1)[-1] for ref in schema.json()["oneOf"]} == {
        "FiveForcesDocument",
        "CxEfficiencyDocument",
        "MoReadinessDocument",
    }
    signals = await gateway_client.get("/v1/scoring/evidence-signals", headers=tenant.headers)
    assert "training_coverage" in {s["key"] for s in signals.json()["items"]}


async def test_the_receive_url_passes_without_a_key_and_carries_no_principal(
    stack: Stack, tenant: TenantKey
) -> None:
    """A CRM posts with no API key: the gateway passes the delivery on as sent, with the
    sender's own Authorization (Pipedrive's Basic credentials), never a principal (not even one
    the sender forged), and within the receive body limit; everything else under /v1/webhooks
    still needs a key."""
    seen: list[dict[str, str]] = []

    async def echo(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        seen.append({k.decode(): v.decode() for k, v in scope["headers"]})
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})

    upstream = await serve(echo)
    gateway = create_gateway(
        gateway_settings(
            stack.database_urls["gateway"], webhooks_url=upstream.url, webhook_max_body_bytes=4096
        )
    )
    receive = "/v1/webhooks/in/00000000-0000-4000-8000-000000000000"
    try:
        async with running(gateway), client_for(gateway) as client:
            sent = await client.post(
                receive,
                content=b'{"event": 1}',
                headers={"authorization": "Basic bW9wczpzMw==", "x-mops-principal": "forged"},
            )
            assert (sent.status_code, sent.content) == (200, b'{"event": 1}')
            assert "ratelimit-limit" not in sent.headers  # no key: no key's rate limit
            (forwarded,) = seen
            assert forwarded["authorization"] == "Basic bW9wczpzMw=="
            assert "x-mops-principal" not in forwarded

            assert (await client.post(receive, content=b"x" * 5000)).status_code == 413
            keyless = await client.get("/v1/webhooks/connections")
            assert keyless.status_code == 401
            listed = await client.get("/v1/webhooks/connections", headers=tenant.headers)
            assert listed.status_code == 200
            assert len(seen) == 2  # the 413 and the 401 never reached the upstream
            assert seen[1]["x-mops-principal"]  # a keyed call carries the signed principal
    finally:
        await upstream.stop()


async def test_receive_url_refusals_are_held_without_holding_the_upstream_connection(
    stack: Stack, tenant: TenantKey
) -> None:
    """A sender of wrong credentials gets its 401 (or 429) after the refusal delay, so a sender
    that waits for its answers is slowed to one try per delay; meanwhile the upstream
    connection is back in its pool (here a pool of one) for everyone else; at most
    `webhook_refusals_held_max` are held, the rest answered at once; a delivery that is
    accepted is never held."""

    async def webhooks(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        while (await receive()).get("more_body"):
            pass
        proven = (b"authorization", b"Basic right") in scope["headers"]
        refused = scope["path"].startswith("/v1/webhooks/in/") and not proven
        status, body = (401, b'{"status": 401}') if refused else (200, b"{}")
        await send({"type": "http.response.start", "status": status, "headers": []})
        await send({"type": "http.response.body", "body": body})

    upstream = await serve(webhooks)
    delay = 0.5
    gateway = create_gateway(
        gateway_settings(
            stack.database_urls["gateway"],
            webhooks_url=upstream.url,
            upstream_pool_size=1,
            webhook_refusal_delay_seconds=delay,
            webhook_refusals_held_max=2,
        )
    )
    receive = "/v1/webhooks/in/00000000-0000-4000-8000-000000000000"

    async def timed(request: Any) -> tuple[int, bytes, float]:
        started = time.monotonic()
        answer = await request
        return answer.status_code, answer.content, time.monotonic() - started

    try:
        async with running(gateway), client_for(gateway) as client:
            wrong = {"authorization": "Basic wrong"}
            # Two refusals held, the third over the limit and answered at once; a keyed read
            # through the pool's one connection is not kept waiting by them.
            held = [asyncio.create_task(timed(client.post(receive, headers=wrong))) for _ in "ab"]
            await asyncio.sleep(0.1)
            assert gateway.state.proxy.refusals_held == 2
            over = await timed(client.post(receive, headers=wrong))
            read = await timed(client.get("/v1/webhooks/connections", headers=tenant.headers))
            assert over[:2] == (401, b'{"status": 401}')
            assert over[2] < delay - 0.1
            assert read[0] == 200
            assert read[2] < delay - 0.1
            for status, body, seconds in await asyncio.gather(*held):
                assert (status, body) == (401, b'{"status": 401}')
                assert seconds >= delay
            assert gateway.state.proxy.refusals_held == 0

            accepted = await timed(client.post(receive, headers={"authorization": "Basic right"}))
            assert accepted[0] == 200
            assert accepted[2] < delay - 0.1
    finally:
        await upstream.stop()


async def test_an_upstream_answering_garbage_gives_502(stack: Stack) -> None:
    async def not_http(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"SMTP ready\r\n\r\n")
        await reader.read()
        writer.close()

    server = await asyncio.start_server(not_http, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    gateway = create_gateway(
        gateway_settings(stack.database_urls["gateway"], org_url=f"http://127.0.0.1:{port}")
    )
    try:
        async with running(gateway), client_for(gateway) as client:
            tenant = await new_tenant(gateway)
            response = await client.get("/v1/org/units", headers=tenant.headers)
    finally:
        server.close()
        await server.wait_closed()
    assert response.status_code == 502
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == "The org service failed to answer."


async def test_a_streamed_answer_and_a_large_body_pass_through_whole(
    stack: Stack, tenant: TenantKey
) -> None:
    """The upstream answers in pieces (chunked on the wire) to a body larger than the proxy
    reads whole, twice over the same pooled connection."""

    async def streaming_echo(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        size = 0
        while True:
            message = await receive()
            size += len(message.get("body", b""))
            if not message.get("more_body"):
                break
        await send({"type": "http.response.start", "status": 201, "headers": [(b"x-n", b"3")]})
        for piece in (b"got ", str(size).encode(), b" bytes"):
            await send({"type": "http.response.body", "body": piece, "more_body": True})
            await asyncio.sleep(0.01)
        await send({"type": "http.response.body", "body": b""})

    upstream = await serve(streaming_echo)
    gateway = create_gateway(
        gateway_settings(stack.database_urls["gateway"], scoring_url=upstream.url)
    )
    try:
        async with running(gateway), client_for(gateway) as client:
            for _ in range(2):
                response = await client.put(
                    "/v1/scoring/anything", content=b"b" * 3_000_000, headers=tenant.headers
                )
                assert (response.status_code, response.content) == (201, b"got 3000000 bytes")
                assert response.headers["x-n"] == "3"
                assert "transfer-encoding" not in response.headers  # hop-by-hop: not returned
            assert gateway.state.proxy.upstreams.pools["scoring"].opened == 1
    finally:
        await upstream.stop()
