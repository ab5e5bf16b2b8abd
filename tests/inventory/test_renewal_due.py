"""`contract.renewal_due`: announced once per contract and renewal date, by a sweep as time passes.

The sweeps called directly count from a fixed day years ahead (`TODAY`) and only in the test's
own tenant, so the service's own background sweep (counting from the real today) never races
them; the trigger and background tests use contracts it does not consider due.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from mops_inventory.contracts import jobs
from mops_inventory.contracts.jobs import EVENT_TYPE, RenewalSweep, emit_due_renewals
from mops_inventory.db import writes
from mops_shared.kit.auth import ApiScope, Principal
from tests.support import (
    ClientFactory,
    build_service_app,
    new_principal,
    principal_headers,
    running,
)

pytestmark = pytest.mark.asyncio

PROBLEM = "application/problem+json"
SWEEP = "/v1/inventory/admin/renewal-sweep"
TODAY = date(2031, 3, 1)  # window [2031-03-01, 2031-03-31] with the 30-day horizon
ADMIN = frozenset({ApiScope.admin.value})


@contextlib.asynccontextmanager
async def signed(
    factory: ClientFactory, principal: Principal | None = None
) -> AsyncIterator[httpx.AsyncClient]:
    async with factory("inventory") as client:
        client.headers.update(principal_headers(principal or new_principal()))
        yield client


async def _tool(client: httpx.AsyncClient, name: str = "Marketo Engage") -> str:
    response = await client.post("/v1/inventory/tools", json={"name": name})
    assert response.status_code == 201, response.text
    tool_id: str = response.json()["id"]
    return tool_id


async def _contract(client: httpx.AsyncClient, tool_id: str, **fields: Any) -> dict[str, Any]:
    body = {
        "annual_cost": {"amount_minor": 18_500_000, "currency": "USD"},
        "notice_period_days": None,
        "auto_renew": False,
    } | fields
    for key in ("renewal_date",):
        if isinstance(body.get(key), date):
            body[key] = body[key].isoformat()
    response = await client.post(f"/v1/inventory/tools/{tool_id}/contracts", json=body)
    assert response.status_code == 201, response.text
    contract: dict[str, Any] = response.json()
    return contract


async def _events(app: FastAPI, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    """The tenant's `contract.renewal_due` events (all columns), oldest first."""
    outbox = writes.outbox
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            select(outbox)
            .where(outbox.c.tenant_id == tenant_id, outbox.c.type == EVENT_TYPE)
            .order_by(outbox.c.occurred_at)
        )
        return [dict(row) for row in rows.mappings()]


async def _payloads(app: FastAPI, tenant_id: uuid.UUID) -> list[dict[str, Any]]:
    return [event["data"] for event in await _events(app, tenant_id)]


async def _sweep(
    app: FastAPI,
    tenant_id: uuid.UUID | None,
    *,
    today: date = TODAY,
    horizon_days: int = 30,
    batch_size: int = jobs.BATCH_SIZE,
) -> int:
    async with app.state.sessionmaker() as session:
        return await emit_due_renewals(
            session,
            today=today,
            horizon_days=horizon_days,
            tenant_id=tenant_id,
            batch_size=batch_size,
        )


# --- the sweep --------------------------------------------------------------------------------


async def test_a_due_contract_is_announced_once_with_its_payload(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    principal = new_principal()
    async with signed(anonymous_client_factory, principal) as client:
        tool_id = await _tool(client)
        due = await _contract(
            client,
            tool_id,
            renewal_date="2031-03-20",
            notice_period_days=10,
            auto_renew=True,
            annual_cost={"amount_minor": 1_234_567, "currency": "EUR"},
        )
        await _contract(client, tool_id, renewal_date="2031-06-30", notice_period_days=30)

        assert await _sweep(app, principal.tenant_id) == 1
        events = await _events(app, principal.tenant_id)
        assert len(events) == 1
        assert events[0]["data"] == {
            "id": due["id"],
            "tool_id": tool_id,
            "tool_name": "Marketo Engage",
            "renewal_date": "2031-03-20",
            "notice_period_days": 10,
            "notice_deadline": "2031-03-10",
            "days_until_notice_deadline": 9,
            "days_until_renewal": 19,
            "auto_renew": True,
            "annual_cost": {"amount_minor": 1_234_567, "currency": "EUR"},
            "as_of": "2031-03-01",
        }
        assert events[0]["request_id"] is None
        assert events[0]["published_at"] is None

        # Not twice, and the marker is not a change of the contract (same version and ETag).
        assert await _sweep(app, principal.tenant_id) == 0
        assert await _sweep(app, principal.tenant_id, today=TODAY + timedelta(days=5)) == 0
        assert len(await _events(app, principal.tenant_id)) == 1
        read = await client.get(f"/v1/inventory/contracts/{due['id']}")
        assert read.json() == due
        assert read.headers["etag"] == '"1"'


async def test_the_window_is_the_renewals_reports(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    principal = new_principal()
    async with signed(anonymous_client_factory, principal) as client:
        tool_id = await _tool(client)
        cases = {
            "no notice, renewing in the window": ("2031-03-25", None, True),
            "no notice, renewing on its last day": ("2031-03-31", None, True),
            "no notice, renewing the day after": ("2031-04-01", None, False),
            "notice deadline on the window's first day": ("2031-03-11", 10, True),
            "notice deadline passed, renewal ahead": ("2031-04-15", 90, True),
            "renewing today": ("2031-03-01", 0, True),
            "renewal already past": ("2031-02-28", None, False),
            "deadline after the window": ("2031-06-30", 30, False),
        }
        ids = {
            name: (
                await _contract(client, tool_id, renewal_date=renewal, notice_period_days=notice)
            )["id"]
            for name, (renewal, notice, _) in cases.items()
        }
        await _contract(client, tool_id)  # no renewal date: never due
        report = await client.get(
            "/v1/inventory/reports/renewals",
            params={"as_of": TODAY.isoformat(), "within_days": 30},
        )
        assert report.status_code == 200, report.text

    expected = {ids[name] for name, (_, _, due) in cases.items() if due}
    assert await _sweep(app, principal.tenant_id) == len(expected)
    payloads = {p["id"]: p for p in await _payloads(app, principal.tenant_id)}
    assert set(payloads) == expected
    # The same contracts the renewals report lists for the same day and window.
    assert {row["contract_id"] for row in report.json()["rows"]} == expected
    passed = payloads[ids["notice deadline passed, renewal ahead"]]
    assert (passed["notice_deadline"], passed["days_until_notice_deadline"]) == ("2031-01-15", -45)
    no_notice = payloads[ids["no notice, renewing in the window"]]
    assert no_notice["notice_deadline"] is None
    assert no_notice["days_until_notice_deadline"] is None
    assert no_notice["days_until_renewal"] == 24


async def test_a_new_renewal_date_is_announced_again(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    principal = new_principal()
    async with signed(anonymous_client_factory, principal) as client:
        tool_id = await _tool(client)
        contract = await _contract(client, tool_id, renewal_date="2031-03-20", notice_period_days=5)
        url = f"/v1/inventory/contracts/{contract['id']}"
        assert await _sweep(app, principal.tenant_id) == 1

        # Other changes announce nothing new.
        response = await client.patch(url, json={"notes": "asked for a quote", "auto_renew": True})
        assert response.status_code == 200, response.text
        assert await _sweep(app, principal.tenant_id) == 0

        # Renewed: the new date is due, once.
        response = await client.patch(url, json={"renewal_date": "2031-03-28"})
        assert response.status_code == 200, response.text
        assert await _sweep(app, principal.tenant_id) == 1
        assert await _sweep(app, principal.tenant_id) == 0

        # Renewed to a date outside the window: due only once the window reaches it.
        response = await client.patch(url, json={"renewal_date": "2032-03-20"})
        assert response.status_code == 200, response.text
        assert await _sweep(app, principal.tenant_id) == 0
        assert await _sweep(app, principal.tenant_id, today=date(2032, 3, 1)) == 1

    payloads = await _payloads(app, principal.tenant_id)
    assert [(p["renewal_date"], p["auto_renew"]) for p in payloads] == [
        ("2031-03-20", False),
        ("2031-03-28", True),
        ("2032-03-20", True),
    ]


async def test_an_import_that_changes_the_renewal_date_makes_it_due_again(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    principal = new_principal()

    async def import_row(renewal: str) -> dict[str, Any]:
        row = {"name": "HubSpot", "annual_cost": "1000", "currency": "USD", "renewal_date": renewal}
        response = await client.post(
            "/v1/inventory/imports",
            content=json.dumps([row]).encode(),
            headers={"content-type": "application/json"},
        )
        assert response.status_code == 200, response.text
        report: dict[str, Any] = response.json()
        return report

    async with signed(anonymous_client_factory, principal) as client:
        assert (await import_row("2031-03-15"))["created"] == 1
        assert await _sweep(app, principal.tenant_id) == 1
        assert (await import_row("2031-03-15"))["unchanged"] == 1
        assert await _sweep(app, principal.tenant_id) == 0
        assert (await import_row("2031-03-29"))["updated"] == 1
        assert await _sweep(app, principal.tenant_id) == 1

    payloads = await _payloads(app, principal.tenant_id)
    assert [(p["tool_name"], p["renewal_date"]) for p in payloads] == [
        ("HubSpot", "2031-03-15"),
        ("HubSpot", "2031-03-29"),
    ]
    assert payloads[0]["annual_cost"] == {"amount_minor": 100_000, "currency": "USD"}


async def test_contracts_of_retired_tools_are_skipped(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    principal = new_principal()
    async with signed(anonymous_client_factory, principal) as client:
        tool_id = await _tool(client)
        await _contract(client, tool_id, renewal_date="2031-03-20")
        retired = await client.patch(f"/v1/inventory/tools/{tool_id}", json={"status": "retired"})
        assert retired.status_code == 200, retired.text
        assert await _sweep(app, principal.tenant_id) == 0

        back = await client.patch(f"/v1/inventory/tools/{tool_id}", json={"status": "sunsetting"})
        assert back.status_code == 200, back.text
        assert await _sweep(app, principal.tenant_id) == 1


async def test_a_sweep_goes_through_every_batch(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    principal = new_principal()
    async with signed(anonymous_client_factory, principal) as client:
        tool_id = await _tool(client)
        ids = [
            (await _contract(client, tool_id, renewal_date=TODAY + timedelta(days=day % 20)))["id"]
            for day in range(23)
        ]
    assert await _sweep(app, principal.tenant_id, batch_size=5) == 23
    assert sorted(p["id"] for p in await _payloads(app, principal.tenant_id)) == sorted(ids)
    assert await _sweep(app, principal.tenant_id, batch_size=5) == 0


async def test_two_sweeps_at_once_announce_each_renewal_once(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    principal = new_principal()
    async with signed(anonymous_client_factory, principal) as client:
        tool_ids = [await _tool(client, f"Tool {i}") for i in range(3)]
        ids = [
            (await _contract(client, tool_ids[i % 3], renewal_date=TODAY + timedelta(days=i % 25)))[
                "id"
            ]
            for i in range(30)
        ]
    for _ in range(2):  # two rounds, the second after the renewals moved on
        results = await asyncio.gather(
            _sweep(app, principal.tenant_id, batch_size=7),
            _sweep(app, principal.tenant_id, batch_size=7),
        )
        assert sum(results) == 30, results
        payloads = await _payloads(app, principal.tenant_id)
        assert len(payloads) == len({(p["id"], p["renewal_date"]) for p in payloads})
        async with signed(anonymous_client_factory, principal) as client:
            for contract_id in ids:
                contract = (await client.get(f"/v1/inventory/contracts/{contract_id}")).json()
                moved = date.fromisoformat(contract["renewal_date"]) + timedelta(days=1)
                response = await client.patch(
                    f"/v1/inventory/contracts/{contract_id}",
                    json={"renewal_date": moved.isoformat()},
                )
                assert response.status_code == 200, response.text
    assert len(await _payloads(app, principal.tenant_id)) == 60


async def test_a_sweep_of_every_tenant_announces_each_in_its_own_tenant(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    today = date(2045, 7, 1) + timedelta(days=uuid.uuid4().int % 1000)  # a day of this test's own
    tenants = [new_principal(), new_principal()]
    for principal in tenants:
        async with signed(anonymous_client_factory, principal) as client:
            tool_id = await _tool(client)
            await _contract(client, tool_id, renewal_date=today + timedelta(days=3))
    assert await _sweep(app, None, today=today) >= 2
    for principal in tenants:
        events = await _events(app, principal.tenant_id)
        assert len(events) == 1
        assert events[0]["tenant_id"] == principal.tenant_id
    assert await _sweep(app, None, today=today) == 0


# --- the admin trigger ------------------------------------------------------------------------


def _utc_today() -> date:
    return datetime.now(UTC).date()


async def test_the_trigger_sweeps_the_callers_tenant_only(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    app = service_apps["inventory"]
    tenant_a, tenant_b = uuid.uuid4(), uuid.uuid4()
    # 200 days ahead, no notice: not due for the service's own sweep (30 days), due within 365.
    renewal = _utc_today() + timedelta(days=200)
    async with signed(anonymous_client_factory, new_principal(tenant_a)) as client:
        await _contract(client, await _tool(client), renewal_date=renewal)
    async with signed(anonymous_client_factory, new_principal(tenant_b)) as client:
        await _contract(client, await _tool(client), renewal_date=renewal + timedelta(days=400))

    admin_b = new_principal(tenant_b, ADMIN)
    async with signed(anonymous_client_factory, admin_b) as client:
        response = await client.post(SWEEP, params={"horizon_days": 365})
    assert response.status_code == 200, response.text
    assert response.json()["events_emitted"] == 0
    assert await _events(app, tenant_a) == []

    admin_a = new_principal(tenant_a, ADMIN)
    async with signed(anonymous_client_factory, admin_a) as client:
        default = await client.post(SWEEP)
        assert default.status_code == 200, default.text
        assert default.json()["events_emitted"] == 0
        assert default.json()["horizon_days"] == 30

        response = await client.post(SWEEP, params={"horizon_days": 365})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["events_emitted"] == 1
        assert body["horizon_days"] == 365
        assert body["as_of"] in {
            _utc_today().isoformat(),
            (_utc_today() - timedelta(days=1)).isoformat(),
        }
        again = await client.post(SWEEP, params={"horizon_days": 365})
        assert again.json()["events_emitted"] == 0

    events = await _events(app, tenant_a)
    assert len(events) == 1
    assert events[0]["request_id"] == admin_a.request_id
    assert events[0]["data"]["renewal_date"] == renewal.isoformat()
    assert await _events(app, tenant_b) == []


@pytest.mark.parametrize(
    "scopes",
    [
        pytest.param(None, id="every-scope-but-admin"),
        pytest.param(frozenset({ApiScope.inventory_read.value}), id="read-only"),
    ],
)
async def test_the_trigger_needs_the_admin_scope(
    anonymous_client_factory: ClientFactory,
    service_apps: dict[str, FastAPI],
    scopes: frozenset[str] | None,
) -> None:
    tenant = uuid.uuid4()
    async with signed(anonymous_client_factory, new_principal(tenant)) as client:
        await _contract(client, await _tool(client), renewal_date=_utc_today() + timedelta(days=60))
    principal = new_principal(tenant) if scopes is None else new_principal(tenant, scopes)
    async with signed(anonymous_client_factory, principal) as client:
        response = await client.post(
            SWEEP, params={"horizon_days": 365}, headers={"idempotency-key": "sweep-1"}
        )
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM
    assert await _events(service_apps["inventory"], tenant) == []

    async with anonymous_client_factory("inventory") as anonymous:
        assert (await anonymous.post(SWEEP)).status_code == 401


@pytest.mark.parametrize("horizon", ["-1", "366", "soon"])
async def test_the_trigger_refuses_a_bad_horizon(
    anonymous_client_factory: ClientFactory, horizon: str
) -> None:
    async with signed(anonymous_client_factory, new_principal(scopes=ADMIN)) as client:
        response = await client.post(SWEEP, params={"horizon_days": horizon})
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM


async def test_the_trigger_honours_an_idempotency_key_with_an_empty_body(
    anonymous_client_factory: ClientFactory, service_apps: dict[str, FastAPI]
) -> None:
    tenant = uuid.uuid4()
    async with signed(anonymous_client_factory, new_principal(tenant)) as client:
        await _contract(client, await _tool(client), renewal_date=_utc_today() + timedelta(days=90))
    async with signed(anonymous_client_factory, new_principal(tenant, ADMIN)) as client:
        headers = {"idempotency-key": f"renewal-sweep-{uuid.uuid4()}"}
        first = await client.post(SWEEP, params={"horizon_days": 120}, headers=headers)
        assert first.status_code == 200, first.text
        assert first.json()["events_emitted"] == 1
        replayed = await client.post(SWEEP, params={"horizon_days": 120}, headers=headers)
        assert replayed.status_code == 200
        assert replayed.headers["idempotent-replayed"] == "true"
        assert replayed.json() == first.json()
        other = await client.post(SWEEP, params={"horizon_days": 60}, headers=headers)
        assert other.status_code == 422  # the same key for another request
    assert len(await _events(service_apps["inventory"], tenant)) == 1


async def test_the_trigger_is_documented(service_apps: dict[str, FastAPI]) -> None:
    operation = service_apps["inventory"].openapi()["paths"][SWEEP]["post"]
    assert operation["operationId"] == "inventory_run_renewal_sweep"
    assert {"200", "401", "403", "422"} <= set(operation["responses"])
    assert "requestBody" not in operation
    assert operation["responses"]["403"]["content"] == {
        PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}
    }


# --- the background sweeper -------------------------------------------------------------------


# Contracts 100 days ahead: due for these apps' sweeps, not for the session app's (30 days).
BACKGROUND_HORIZON = 120


def _sweeper_tasks() -> list[asyncio.Task[Any]]:
    return [
        task
        for task in asyncio.all_tasks()
        if task.get_name() == "inventory-renewal-sweep" and not task.done()
    ]


async def _wait_for_events(app: FastAPI, tenant_id: uuid.UUID, seconds: float = 15.0) -> int:
    async with asyncio.timeout(seconds):
        while not (events := await _events(app, tenant_id)):
            await asyncio.sleep(0.05)
    return len(events)


async def test_the_service_sweeps_on_its_own(
    anonymous_client_factory: ClientFactory,
    service_apps: dict[str, FastAPI],
    database_urls: dict[str, str],
) -> None:
    tenant = uuid.uuid4()
    async with signed(anonymous_client_factory, new_principal(tenant)) as client:
        await _contract(
            client, await _tool(client), renewal_date=_utc_today() + timedelta(days=100)
        )
    before = set(_sweeper_tasks())
    app = build_service_app(
        "inventory",
        database_urls["inventory"],
        renewal_sweep_seconds=0.05,
        renewal_horizon_days=BACKGROUND_HORIZON,
    )
    async with running(app):
        assert len(set(_sweeper_tasks()) - before) == 1
        assert await _wait_for_events(app, tenant) == 1
        await asyncio.sleep(0.2)  # a few more ticks: still one
        assert len(await _events(app, tenant)) == 1
    assert set(_sweeper_tasks()) - before == set()  # cancelled with the app


async def test_a_failing_sweep_is_logged_and_retried(
    anonymous_client_factory: ClientFactory,
    database_urls: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    tenant = uuid.uuid4()
    async with signed(anonymous_client_factory, new_principal(tenant)) as client:
        await _contract(
            client, await _tool(client), renewal_date=_utc_today() + timedelta(days=100)
        )
    calls = 0
    real = jobs.emit_due_renewals

    async def flaky(session: Any, **kwargs: Any) -> int:
        nonlocal calls
        calls += 1
        if calls <= 2:
            raise ConnectionRefusedError("the database is down")
        return await real(session, **kwargs)

    monkeypatch.setattr(jobs, "emit_due_renewals", flaky)
    app = build_service_app(
        "inventory",
        database_urls["inventory"],
        renewal_sweep_seconds=0.05,
        renewal_horizon_days=BACKGROUND_HORIZON,
    )
    with caplog.at_level(logging.WARNING, logger="mops.inventory.renewals"):
        async with running(app):
            assert await _wait_for_events(app, tenant) == 1
            async with httpx.AsyncClient(
                transport=httpx.ASGITransport(app=app), base_url="http://inventory.test"
            ) as client:
                assert (await client.get("/healthz")).status_code == 200
    assert calls >= 3
    failures = [r for r in caplog.records if r.name == "mops.inventory.renewals"]
    assert len(failures) >= 2
    assert all(r.levelno == logging.WARNING for r in failures)
    assert "database is down" in failures[0].__dict__["error"]


async def test_a_zero_interval_runs_no_sweeper(database_urls: dict[str, str]) -> None:
    before = set(_sweeper_tasks())
    app = build_service_app("inventory", database_urls["inventory"], renewal_sweep_seconds=0)
    async with running(app):
        assert set(_sweeper_tasks()) - before == set()


async def test_the_sweep_ticks_after_its_first_delay_then_every_interval_failed_or_not(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    steps: list[int | Exception] = [2, ConnectionRefusedError("the database is down"), 0]
    today = date(2031, 3, 1)
    seen: list[tuple[date, int]] = []

    async def scripted(session: Any, *, today: date, horizon_days: int) -> int:
        seen.append((today, horizon_days))
        step = steps.pop(0)
        if isinstance(step, Exception):
            raise step
        return step

    waits: list[float] = []

    async def pause(stop: asyncio.Event, seconds: float) -> None:
        waits.append(seconds)
        if len(waits) == 4:
            stop.set()

    monkeypatch.setattr(jobs, "emit_due_renewals", scripted)
    sweep = RenewalSweep(
        cast(Any, contextlib.nullcontext),  # the scripted sweep needs no session
        interval_seconds=3600,
        horizon_days=45,
        today=lambda: today,
        pause=pause,
    )
    with caplog.at_level(logging.INFO, logger="mops.inventory.renewals"):
        await sweep.run(asyncio.Event())
    # The first sweep 5 s after startup, then hourly: after work, after a failure, when idle.
    assert waits == [jobs.FIRST_SWEEP_DELAY_SECONDS, 3600, 3600, 3600]
    assert seen == [(today, 45)] * 3
    logged = [
        (r.levelname, r.getMessage()) for r in caplog.records if r.name == "mops.inventory.renewals"
    ]
    assert logged == [
        ("INFO", "renewal sweep"),
        ("WARNING", "renewal sweep failed; retrying at the next tick"),
    ]


async def test_a_short_interval_shortens_the_first_delay() -> None:
    sweep = RenewalSweep(cast(Any, contextlib.nullcontext), interval_seconds=0.5, horizon_days=30)
    assert sweep.first_delay_seconds == 0.5
