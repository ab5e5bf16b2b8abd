"""Prometheus metrics (`mops_shared.kit.metrics`): on a port of their own, every request counted
and timed by its route template (the fast paths' too) and status class, a path no route knows as
`unmatched`, the database pool's connections; the port closes with the app."""

from __future__ import annotations

import socket

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.support import build_service_app, new_principal, principal_headers, running

pytestmark = pytest.mark.asyncio

COUNT = "mops_http_request_duration_seconds_count"


async def scrape(port: int) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    async with httpx.AsyncClient() as client:
        answer = await client.get(f"http://127.0.0.1:{port}/metrics")
    assert answer.status_code == 200
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(answer.text)
        for sample in family.samples
    }


def requests(route: str, status_class: str) -> tuple[str, frozenset[tuple[str, str]]]:
    labels = {"service": "org", "route": route, "method": "GET", "status_class": status_class}
    return COUNT, frozenset(labels.items())


async def test_requests_and_the_pool_are_served_on_the_metrics_port(
    database_urls: dict[str, str],
) -> None:
    app = build_service_app("org", database_urls["org"], metrics_port=0)
    async with running(app):
        port = app.state.metrics.port
        assert port
        headers = principal_headers(new_principal())
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport, base_url="http://org.test", headers=headers
        ) as client:
            created = await client.post("/v1/org/units", json={"name": "Metered", "type": "team"})
            assert created.status_code == 201, created.text
            unit = created.json()["id"]
            before = await scrape(port)
            assert (await client.get(f"/v1/org/units/{unit}")).status_code == 200  # fast path
            for _ in range(2):
                assert (await client.get("/v1/org/units")).status_code == 200
            assert (await client.get(f"/v1/org/units/{unit}/nowhere")).status_code == 404
            after = await scrape(port)
        grown = {key: after.get(key, 0) - before.get(key, 0) for key in after}
        assert grown[requests("/v1/org/units/{unit_id}", "2xx")] == 1
        assert grown[requests("/v1/org/units", "2xx")] == 2
        assert grown[requests("unmatched", "4xx")] == 1
        pool = {
            dict(labels)["state"]: value
            for (name, labels), value in after.items()
            if name == "mops_db_pool_connections" and dict(labels)["service"] == "org"
        }
        assert pool["idle"] >= 1  # the connections the requests gave back
        # The unit's creation left an event in the outbox (the relay is off in tests).
        backlog = ("mops_outbox_unpublished_events", frozenset({("service", "org")}))
        assert after[backlog] >= 1
        oldest = ("mops_outbox_oldest_unpublished_seconds", frozenset({("service", "org")}))
        assert after[oldest] >= 0
        assert pool["waiting"] == 0
        assert after[("process_resident_memory_bytes", frozenset())] > 0
    with pytest.raises(ConnectionRefusedError):  # closed with the app
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


async def test_without_a_port_nothing_listens(database_urls: dict[str, str]) -> None:
    app = build_service_app("org", database_urls["org"])
    async with running(app):
        assert app.state.metrics.port is None
