from __future__ import annotations

import uuid

import httpx
import pytest
import uvicorn

from mops_shared.contracts.clients import OrgClient
from mops_shared.contracts.clients.base import DEFAULT_LIMITS, DownstreamError
from mops_shared.kit.auth import verify_principal
from mops_shared.kit.errors import Forbidden, GatewayTimeout, ServiceUnavailable
from tests.support import TEST_SECRET, new_principal

pytestmark = pytest.mark.asyncio


def _client(handler: httpx.MockTransport) -> OrgClient:
    return OrgClient("http://org.test", internal_secret=TEST_SECRET, transport=handler)


async def test_client_carries_the_callers_principal_and_request_id() -> None:
    principal = new_principal()
    seen: dict[str, str] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen.update(request.headers)
        return httpx.Response(200, json={"items": [], "next_cursor": None})

    client = _client(httpx.MockTransport(handler))
    page = await client.list_units(principal)
    assert page.items == []
    assert verify_principal(seen["x-mops-principal"], TEST_SECRET) == principal
    assert seen["x-request-id"] == principal.request_id


async def test_client_maps_404_to_none() -> None:
    client = _client(httpx.MockTransport(lambda r: httpx.Response(404, json={"title": "x"})))
    assert await client.get_unit(new_principal(), uuid.uuid4()) is None


async def test_client_maps_connection_failure_to_503() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(ServiceUnavailable, match="org service is unavailable"):
        await _client(httpx.MockTransport(refuse)).list_units(new_principal())


async def test_client_maps_timeout_to_504() -> None:
    def stall(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(GatewayTimeout):
        await _client(httpx.MockTransport(stall)).list_units(new_principal())


async def test_client_maps_server_error_to_503_and_other_errors_to_502() -> None:
    failing = _client(httpx.MockTransport(lambda r: httpx.Response(500, text="boom")))
    with pytest.raises(ServiceUnavailable):
        await failing.list_units(new_principal())
    refusing = _client(
        httpx.MockTransport(lambda r: httpx.Response(422, json={"detail": "bad limit"}))
    )
    with pytest.raises(DownstreamError, match="bad limit"):
        await refusing.list_units(new_principal())


def _unit_json(unit_id: str) -> dict[str, object]:
    return {
        "id": unit_id,
        "name": f"Unit {unit_id[:8]}",
        "type": "team",
        "parent_id": None,
        "version": 1,
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
    }


class _UnitsByIds:
    """A fake org service answering batch lookups; it knows every id but `missing`."""

    def __init__(self, missing: frozenset[uuid.UUID] = frozenset()) -> None:
        self.missing = {str(unit_id) for unit_id in missing}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        asked = request.url.params.get_list("id")
        items = [_unit_json(unit_id) for unit_id in asked if unit_id not in self.missing]
        return httpx.Response(200, json={"items": items, "next_cursor": None})


async def test_get_units_asks_once_for_a_few_ids_and_keys_the_found_ones_by_id() -> None:
    ids = [uuid.uuid4() for _ in range(3)]
    fake = _UnitsByIds(missing=frozenset({ids[1]}))
    found = await _client(httpx.MockTransport(fake)).get_units(new_principal(), ids)
    assert set(found) == {ids[0], ids[2]}
    assert all(found[unit_id].id == unit_id for unit_id in found)
    (request,) = fake.requests
    assert request.url.path == "/v1/org/units"
    assert request.url.params.get_list("id") == [str(unit_id) for unit_id in ids]
    assert request.url.params["limit"] == "200"


async def test_get_units_asks_in_chunks_of_200() -> None:
    ids = [uuid.uuid4() for _ in range(250)]
    fake = _UnitsByIds()
    found = await _client(httpx.MockTransport(fake)).get_units(new_principal(), ids)
    assert set(found) == set(ids)
    assert [len(r.url.params.get_list("id")) for r in fake.requests] == [200, 50]
    assert all(r.url.params["limit"] == "200" for r in fake.requests)


async def test_get_units_of_no_ids_asks_nothing() -> None:
    fake = _UnitsByIds()
    assert await _client(httpx.MockTransport(fake)).get_units(new_principal(), set()) == {}
    assert fake.requests == []


async def test_client_maps_a_refusal_of_the_callers_key_to_403() -> None:
    refusing = _client(
        httpx.MockTransport(lambda r: httpx.Response(403, json={"detail": "lacks org:read"}))
    )
    with pytest.raises(Forbidden, match="lacks org:read"):
        await refusing.list_units(new_principal())


async def test_idle_connections_are_dropped_before_the_servers_close_them() -> None:
    # Reusing a connection as uvicorn closes it (its keep-alive timeout) fails the call.
    server_keep_alive = uvicorn.Config(app="mops_org.main:create_app").timeout_keep_alive
    assert DEFAULT_LIMITS.keepalive_expiry is not None
    assert DEFAULT_LIMITS.keepalive_expiry < server_keep_alive
