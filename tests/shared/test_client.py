from __future__ import annotations

import uuid

import httpx
import pytest

from mops_shared.auth import verify_principal
from mops_shared.clients import OrgClient
from mops_shared.clients.base import DownstreamError
from mops_shared.errors import GatewayTimeout, ServiceUnavailable
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
