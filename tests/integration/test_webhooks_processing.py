"""Inbound processing through the real stack: inbox events become outcomes in the inventory,
once per CRM record however often they come; unattributed events are kept as unmapped; older
events never overwrite newer state; failures retry with backoff, then die, and replay."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import pytest_asyncio
from standardwebhooks.webhooks import Webhook

from mops_shared.contracts.clients import InventoryClient
from mops_webhooks.inbound import repository
from mops_webhooks.inbound.jobs import process_due, retry_delay
from mops_webhooks.jobs import WorkerContext
from tests.integration.conftest import Stack, TenantKey
from tests.integration.webhooks_support import (
    CONNECTIONS,
    CRM_FIXTURES,
    INBOX,
    SALESFORCE_ORG,
    connect_hubspot,
    connect_pipedrive,
    connect_salesforce,
    hubspot,
    hubspot_headers,
    salesforce_notifications,
    tool,
)
from tests.support import TEST_SECRET, assert_problem, fixture

pytestmark = pytest.mark.asyncio

OUTCOMES = "/v1/inventory/outcomes"
T0 = 1764300000000  # ms


async def post_hubspot(
    client: httpx.AsyncClient, connection: dict[str, Any], events: list[dict[str, Any]]
) -> None:
    body = json.dumps(events).encode()
    sent = await client.post(
        connection["receive_path"], content=body, headers=hubspot_headers(body)
    )
    assert sent.status_code == 200, sent.text


async def outcomes(client: httpx.AsyncClient, tenant: TenantKey) -> list[dict[str, Any]]:
    listed = await client.get(OUTCOMES, params={"limit": 200}, headers=tenant.headers)
    assert listed.status_code == 200, listed.text
    items: list[dict[str, Any]] = listed.json()["items"]
    return items


async def inbox_by_object(
    client: httpx.AsyncClient, tenant: TenantKey
) -> dict[tuple[str | None, Any], dict[str, Any]]:
    listed = await client.get(INBOX, params={"limit": 200}, headers=tenant.headers)
    assert listed.status_code == 200, listed.text
    return {
        (e["kind"], e["payload"].get("property_value") or e["payload"].get("object_id")): e
        for e in listed.json()["items"]
    }


async def drain(context: WorkerContext) -> int:
    """Runs the processing job until nothing is due; how many events it finished."""
    total = 0
    while done := await process_due(context):
        total += done
    return total


@pytest_asyncio.fixture(autouse=True)
async def settled(stack: Stack) -> None:
    """Other tests' events are processed first, so each test counts only its own."""
    await drain(context_of(stack))


def context_of(stack: Stack, **changes: Any) -> WorkerContext:
    context: WorkerContext = stack.webhooks.state.worker_context
    return dataclasses.replace(context, **changes)


async def test_a_batch_delivered_five_times_gives_one_set_of_outcomes(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    ads = await tool(gateway_client, tenant, "Google Ads")
    connection = await connect_hubspot(
        gateway_client, tenant, [("hs_analytics_source", "PAID_SEARCH", "google ads")]
    )
    batch = [
        hubspot("contact.creation", 501, T0),
        hubspot("contact.propertyChange", 501, T0 + 1, hs_analytics_source="PAID_SEARCH"),
        hubspot("deal.propertyChange", 901, T0 + 2, hs_analytics_source="PAID_SEARCH"),
        hubspot("deal.propertyChange", 901, T0 + 3, amount="1250.50"),
        hubspot("deal.propertyChange", 901, T0 + 4, dealstage="closedwon"),
    ]
    for _ in range(5):
        await post_hubspot(gateway_client, connection, batch)
    assert await drain(context_of(stack)) == 5
    recorded = await outcomes(gateway_client, tenant)
    assert sorted((o["kind"], o["tool_id"], o["source"]) for o in recorded) == [
        ("lead", ads, "crm_webhook"),
        ("revenue", ads, "crm_webhook"),
    ]
    revenue = next(o for o in recorded if o["kind"] == "revenue")
    assert revenue["amount"] == {"amount_minor": 125050, "currency": "EUR"}
    assert revenue["occurred_at"].startswith("2025-11-28T03:20:00.004")
    events = await inbox_by_object(gateway_client, tenant)
    assert {e["status"] for e in events.values()} == {"processed"}
    assert (
        "lead for 'google ads' recorded"
        in events[("contact.propertyChange", "PAID_SEARCH")]["detail"]
    )
    # Delivered again later and replayed: still one set.
    await post_hubspot(gateway_client, connection, batch)
    for event in events.values():
        replayed = await gateway_client.post(
            f"{INBOX}/{event['id']}/replay", headers=tenant.headers
        )
        assert replayed.status_code == 202, replayed.text
        assert replayed.json()["status"] == "pending"
    assert await drain(context_of(stack)) == 5
    assert len(await outcomes(gateway_client, tenant)) == 2


async def test_unmapped_events_are_kept_and_a_replay_attributes_them_after_a_new_rule(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    blog = await tool(gateway_client, tenant, "Blog")
    connection = await connect_hubspot(
        gateway_client, tenant, [("hs_analytics_source", "PAID_SEARCH", "Google Ads")]
    )
    await post_hubspot(
        gateway_client,
        connection,
        [
            hubspot("contact.creation", 601, T0),
            hubspot("contact.propertyChange", 601, T0 + 1, hs_analytics_source="ORGANIC_SEARCH"),
            hubspot("company.creation", 77, T0 + 2),
        ],
    )
    assert await drain(context_of(stack)) == 3
    events = await inbox_by_object(gateway_client, tenant)
    unmapped = events[("contact.propertyChange", "ORGANIC_SEARCH")]
    assert unmapped["status"] == "unmapped"
    assert "hs_analytics_source='ORGANIC_SEARCH'" in unmapped["detail"]
    assert events[("contact.creation", 601)]["status"] == "processed"
    assert (
        "none of the rules' properties is known yet" in events[("contact.creation", 601)]["detail"]
    )
    assert (
        events[("company.creation", 77)]["detail"]
        == "company 77: no outcome of its own; it attributes its deals"
    )
    listed = await gateway_client.get(INBOX, params={"status": "unmapped"}, headers=tenant.headers)
    assert [e["id"] for e in listed.json()["items"]] == [unmapped["id"]]
    assert await outcomes(gateway_client, tenant) == []

    patched = await gateway_client.patch(
        f"{CONNECTIONS}/{connection['id']}",
        json={
            "attribution_rules": [
                {"property": "hs_analytics_source", "equals": "ORGANIC_SEARCH", "tool_name": "Blog"}
            ]
        },
        headers={**tenant.headers, "if-match": '"1"'},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["version"] == 2
    stale = await gateway_client.patch(
        f"{CONNECTIONS}/{connection['id']}",
        json={"name": "x"},
        headers={**tenant.headers, "if-match": '"1"'},
    )
    assert_problem(stale, 412)
    replayed = await gateway_client.post(f"{INBOX}/{unmapped['id']}/replay", headers=tenant.headers)
    assert replayed.status_code == 202
    assert await drain(context_of(stack)) == 1
    (lead,) = await outcomes(gateway_client, tenant)
    assert (lead["kind"], lead["tool_id"]) == ("lead", blog)
    again = await gateway_client.get(f"{INBOX}/{unmapped['id']}", headers=tenant.headers)
    assert again.json()["status"] == "processed"


async def test_an_older_event_never_overwrites_newer_state(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    await tool(gateway_client, tenant, "Google Ads")
    connection = await connect_hubspot(
        gateway_client, tenant, [("hs_analytics_source", "PAID_SEARCH", "Google Ads")]
    )
    # The deal was lost (newer) and that arrives first; a delayed, older "won" comes after.
    await post_hubspot(
        gateway_client,
        connection,
        [
            hubspot("deal.propertyChange", 902, T0, hs_analytics_source="PAID_SEARCH"),
            hubspot("deal.propertyChange", 902, T0 + 1, amount="900"),
            hubspot("deal.propertyChange", 902, T0 + 60_000, dealstage="closedlost"),
        ],
    )
    assert await drain(context_of(stack)) == 3
    await post_hubspot(
        gateway_client,
        connection,
        [hubspot("deal.propertyChange", 902, T0 + 30_000, dealstage="closedwon")],
    )
    assert await drain(context_of(stack)) == 1
    assert await outcomes(gateway_client, tenant) == []
    late = (await inbox_by_object(gateway_client, tenant))[("deal.propertyChange", "closedwon")]
    assert late["status"] == "processed"
    assert "not applied, the record has newer values: dealstage" in late["detail"]


async def test_failures_retry_with_backoff_then_die_and_a_replay_recovers(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    ads = await tool(gateway_client, tenant, "Google Ads")
    connection = await connect_hubspot(
        gateway_client, tenant, [("hs_analytics_source", "PAID_SEARCH", "Google Ads")]
    )
    await post_hubspot(
        gateway_client,
        connection,
        [hubspot("contact.propertyChange", 701, T0, hs_analytics_source="PAID_SEARCH")],
    )
    # The inventory is away: a port nothing listens on.
    down = InventoryClient("http://127.0.0.1:9", internal_secret=TEST_SECRET)
    settings = stack.webhooks.state.settings.model_copy(
        update={"inbox_max_attempts": 3, "inbox_retry_base_seconds": 10.0}
    )
    now = datetime.now(UTC) + timedelta(seconds=1)
    clock_at = [now]
    failing = context_of(stack, inventory=down, settings=settings, clock=lambda: clock_at[0])
    try:
        assert await process_due(failing) == 1
        (event,) = (await inbox_by_object(gateway_client, tenant)).values()
        assert (event["status"], event["attempts"]) == ("failed", 1)
        assert "inventory service is unavailable" in event["last_error"]
        # Not due again before its backoff: 10 s after the first failure, 20 s after the second.
        clock_at[0] = now + timedelta(seconds=9)
        assert await process_due(failing) == 0
        clock_at[0] = now + timedelta(seconds=10)
        assert await process_due(failing) == 1
        clock_at[0] = now + timedelta(seconds=29)
        assert await process_due(failing) == 0
        clock_at[0] = now + timedelta(seconds=30)
        assert await process_due(failing) == 1
        (event,) = (await inbox_by_object(gateway_client, tenant)).values()
        assert (event["status"], event["attempts"]) == ("dead", 3)
        clock_at[0] = now + timedelta(days=1)
        assert await process_due(failing) == 0
    finally:
        await down.aclose()
    dead = await gateway_client.get(INBOX, params={"status": "dead"}, headers=tenant.headers)
    assert [e["id"] for e in dead.json()["items"]] == [event["id"]]
    await gateway_client.post(f"{INBOX}/{event['id']}/replay", headers=tenant.headers)
    assert await drain(context_of(stack)) == 1
    (lead,) = await outcomes(gateway_client, tenant)
    assert lead["tool_id"] == ads
    assert retry_delay(1, 10.0) == timedelta(seconds=10)
    assert retry_delay(30, 10.0) == timedelta(hours=1)


async def test_salesforce_pipedrive_and_generic_events_become_outcomes(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    webinars = await tool(gateway_client, tenant, "Webinars")
    forms = await tool(gateway_client, tenant, "Forms")
    # Salesforce: an opportunity won, attributed by its campaign.
    salesforce = await connect_salesforce(
        gateway_client, tenant, [("CampaignId", "7015e000000Abc", "Webinars")]
    )
    soap = f"""<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>
<notifications xmlns="http://soap.sforce.com/2005/09/outbound">
<OrganizationId>{SALESFORCE_ORG}</OrganizationId><ActionId>04k5e000000CaRkAAK</ActionId>
<SessionId xsi:nil="true"/><EnterpriseUrl>https://acme.example/c</EnterpriseUrl>
<PartnerUrl>https://acme.example/u</PartnerUrl>
<Notification><Id>04l5e00000Gx7QzAAJ</Id><sObject xsi:type="sf:Opportunity"
 xmlns:sf="urn:sobject.enterprise.soap.sforce.com"><sf:Id>0065e00000AbCdE</sf:Id>
<sf:Amount>48000.00</sf:Amount><sf:CampaignId>7015e000000Abc</sf:CampaignId>
<sf:CurrencyIsoCode>USD</sf:CurrencyIsoCode><sf:IsWon>true</sf:IsWon>
<sf:LastModifiedDate>2026-11-20T10:00:00.000Z</sf:LastModifiedDate>
<sf:StageName>Closed Won</sf:StageName></sObject></Notification>
</notifications></soapenv:Body></soapenv:Envelope>""".encode()
    sent = await gateway_client.post(
        salesforce["receive_path"], params={"token": salesforce["generated_secret"]}, content=soap
    )
    assert sent.status_code == 200, sent.text
    # Pipedrive v2: a person added through a web form (custom field).
    created = await gateway_client.post(
        CONNECTIONS,
        json={
            "provider": "pipedrive",
            "name": "Pipedrive",
            "username": "mops",
            "password": "pw",
            "attribution_rules": [
                {"property": "lead_channel", "equals": "web form", "tool_name": "Forms"}
            ],
        },
        headers=tenant.headers,
    )
    pipedrive = created.json()
    person = {
        "meta": {
            "id": "e1f2",
            "action": "create",
            "entity": "person",
            "entity_id": "88",
            "timestamp": "2026-11-21T09:00:00Z",
            "version": "2.0",
        },
        "data": {
            "id": 88,
            "name": "Ada",
            "custom_fields": {"lead_channel": {"type": "varchar", "value": "Web Form"}},
        },
        "previous": None,
    }
    sent = await gateway_client.post(
        pipedrive["receive_path"],
        content=json.dumps(person).encode(),
        headers={"authorization": "Basic " + base64.b64encode(b"mops:pw").decode()},
    )
    assert sent.status_code == 200, sent.text
    # generic: mops's own format, signed by the Standard Webhooks library.
    created = await gateway_client.post(
        CONNECTIONS,
        json={
            "provider": "generic",
            "name": "Site",
            "attribution_rules": [
                {"property": "utm_source", "equals": "webinar", "tool_name": "Webinars"}
            ],
        },
        headers=tenant.headers,
    )
    generic = created.json()
    payload = json.dumps(
        {
            "type": "contact.created",
            "timestamp": "2026-11-22T08:00:00Z",
            "data": {"id": "c-1", "properties": {"utm_source": "webinar"}},
        }
    )
    stamp = datetime.now(UTC)
    signature = Webhook(generic["generated_secret"]).sign("msg_c1", stamp, payload)
    sent = await gateway_client.post(
        generic["receive_path"],
        content=payload.encode(),
        headers={
            "webhook-id": "msg_c1",
            "webhook-timestamp": str(int(stamp.timestamp())),
            "webhook-signature": signature,
        },
    )
    assert sent.status_code == 200, sent.text

    assert await drain(context_of(stack)) == 3
    recorded = sorted(
        (o["kind"], o["tool_id"], o["amount"], o["occurred_at"][:19])
        for o in await outcomes(gateway_client, tenant)
    )
    assert recorded == sorted(
        [
            ("lead", forms, None, "2026-11-21T09:00:00"),
            ("lead", webinars, None, "2026-11-22T08:00:00"),
            (
                "revenue",
                webinars,
                {"amount_minor": 4800000, "currency": "USD"},
                "2026-11-20T10:00:00",
            ),
        ]
    )


PD_V1_SOURCE = "9dc80c5dbd3f9b5d8a0c7e3e4b6f1a2c3d4e5f60"  # the fixtures' custom fields
PD_V2_SOURCE = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678"
PD_V2_ADDRESS = "3d0fa3429dfa2d3dec265b4fc5dc8258ab66cdf3"


async def post_pipedrive(
    client: httpx.AsyncClient, connection: dict[str, Any], payload: dict[str, Any]
) -> dict[str, int]:
    sent = await client.post(
        connection["receive_path"],
        content=json.dumps(payload).encode(),
        headers={"authorization": "Basic " + base64.b64encode(b"mops:pw").decode()},
    )
    assert sent.status_code == 200, sent.text
    report: dict[str, int] = sent.json()
    return report


def pipedrive_fixture(name: str) -> dict[str, Any]:
    payload: dict[str, Any] = fixture("crm", "pipedrive", f"{name}.json")
    return payload


async def test_pipedrive_v1_events_of_one_record_each_count(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    """v1's `meta.id` is the record's id: a deal added open and later won, a person whose source
    is set after it was added, and a person and a deal with the same id (701) are all events of
    their own; a retry of one is not."""
    webinars = await tool(gateway_client, tenant, "Webinars")
    connection = await connect_pipedrive(
        gateway_client, tenant, [(PD_V1_SOURCE, "webinar", "Webinars")]
    )
    for name in ("v1-person-added", "v1-deal-added"):
        assert await post_pipedrive(gateway_client, connection, pipedrive_fixture(name)) == {
            "received": 1,
            "stored": 1,
        }
    assert await drain(context_of(stack)) == 2
    assert await outcomes(gateway_client, tenant) == []  # no source yet; the deal is open
    for name in ("v1-person-updated", "v1-deal-updated-won"):
        assert await post_pipedrive(gateway_client, connection, pipedrive_fixture(name)) == {
            "received": 1,
            "stored": 1,
        }
    # Pipedrive retries a delivery it got no 2xx for: the same event, with `retry` counted up.
    retried = {**pipedrive_fixture("v1-deal-updated-won"), "retry": 1}
    assert await post_pipedrive(gateway_client, connection, retried) == {
        "received": 1,
        "stored": 0,
    }
    assert await drain(context_of(stack)) == 2
    recorded = sorted(
        (o["kind"], o["tool_id"], o["amount"], o["occurred_at"][:26], o["external_id"])
        for o in await outcomes(gateway_client, tenant)
    )
    prefix = f"pipedrive:{connection['id']}"
    assert recorded == [
        ("lead", webinars, None, "2025-02-17T19:46:52.595189", f"{prefix}:contact:701"),
        (
            "revenue",
            webinars,
            {"amount_minor": 125050, "currency": "EUR"},
            "2025-02-17T21:22:41.322662",
            f"{prefix}:deal:701",
        ),
    ]
    # Deleting the person afterwards records nothing and takes nothing back.
    await post_pipedrive(gateway_client, connection, pipedrive_fixture("v1-person-deleted"))
    assert await drain(context_of(stack)) == 1
    assert len(await outcomes(gateway_client, tenant)) == 2
    listed = await gateway_client.get(
        INBOX, params={"limit": 200, "connection_id": connection["id"]}, headers=tenant.headers
    )
    events = listed.json()["items"]
    assert sorted(e["kind"] for e in events) == [
        "deal.added",
        "deal.updated",
        "person.added",
        "person.deleted",
        "person.updated",
    ]
    assert len({e["identity"] for e in events}) == 5
    assert {e["status"] for e in events} == {"processed"}


async def test_pipedrive_v2_custom_fields_match_rules(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    """v2 sends custom fields as `{"type": ..., "value": ...}`: rules on them match, and a deal
    created open and changed to won is revenue once, whatever the redeliveries."""
    webinars = await tool(gateway_client, tenant, "Webinars")
    estonia = await tool(gateway_client, tenant, "Estonia")
    connection = await connect_pipedrive(
        gateway_client,
        tenant,
        [(PD_V2_SOURCE, "webinar", "Webinars"), (PD_V2_ADDRESS, "Tallinn, Estonia", "Estonia")],
    )
    names = [
        "v2-deal-create",
        "v2-deal-change",
        "v2-person-create",
        "v2-person-change",
        "v2-person-change-source",
        "v2-deal-change-won",
    ]
    for name in names:
        report = await post_pipedrive(gateway_client, connection, pipedrive_fixture(name))
        assert report == {"received": 1, "stored": 1}, name
    redelivered = pipedrive_fixture("v2-deal-change-won")
    redelivered["meta"]["attempt"] = 2
    assert await post_pipedrive(gateway_client, connection, redelivered) == {
        "received": 1,
        "stored": 0,
    }
    assert await drain(context_of(stack)) == len(names)
    recorded = sorted(
        (o["kind"], o["tool_id"], o["amount"], o["occurred_at"][:23])
        for o in await outcomes(gateway_client, tenant)
    )
    assert recorded == [
        ("lead", webinars, None, "2022-11-24T16:02:10.204"),
        ("revenue", estonia, {"amount_minor": 10000, "currency": "EUR"}, "2022-11-25T09:30:00.512"),
    ]
    listed = await gateway_client.get(
        INBOX, params={"limit": 200, "connection_id": connection["id"]}, headers=tenant.headers
    )
    kinds = sorted(e["kind"] for e in listed.json()["items"])
    assert kinds == [
        "deal.change",
        "deal.change",
        "deal.create",
        "person.change",
        "person.change",
        "person.create",
    ]


async def test_inbox_events_and_replays_belong_to_their_tenant(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    from tests.integration.conftest import new_tenant

    connection = await connect_hubspot(gateway_client, tenant, [])
    await post_hubspot(gateway_client, connection, [hubspot("contact.creation", 801, T0)])
    (event,) = (await inbox_by_object(gateway_client, tenant)).values()
    other = await new_tenant(stack.gateway)
    for response in (
        await gateway_client.get(f"{INBOX}/{event['id']}", headers=other.headers),
        await gateway_client.post(f"{INBOX}/{event['id']}/replay", headers=other.headers),
        await gateway_client.patch(
            f"{CONNECTIONS}/{connection['id']}", json={"name": "x"}, headers=other.headers
        ),
    ):
        assert_problem(response, 404)
    listed = await gateway_client.get(INBOX, headers=other.headers)
    assert listed.json()["items"] == []


async def test_workers_running_at_once_never_take_the_same_event(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    await tool(gateway_client, tenant, "Google Ads")
    connection = await connect_hubspot(
        gateway_client, tenant, [("hs_analytics_source", "PAID_SEARCH", "Google Ads")]
    )
    for first in range(0, 60, 20):
        await post_hubspot(
            gateway_client,
            connection,
            [
                hubspot(
                    "contact.propertyChange", 3000 + n, T0 + n, hs_analytics_source="PAID_SEARCH"
                )
                for n in range(first, first + 20)
            ],
        )
    small = stack.webhooks.state.settings.model_copy(update={"worker_batch": 7})
    done = await asyncio.gather(*(drain(context_of(stack, settings=small)) for _ in range(3)))
    assert sum(done) == 60
    listed = await gateway_client.get(INBOX, params={"limit": 100}, headers=tenant.headers)
    assert {(e["status"], e["attempts"]) for e in listed.json()["items"]} == {("processed", 1)}
    leads = await outcomes(gateway_client, tenant)
    assert len({o["external_id"] for o in leads}) == len(leads) == 60


async def test_the_event_catalogue_is_served_to_webhook_admins(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    from tests.integration.conftest import new_key

    listed = await gateway_client.get("/v1/webhooks/event-types", headers=tenant.headers)
    assert listed.status_code == 200, listed.text
    types = {item["type"] for item in listed.json()["items"]}
    assert {"tool.retired", "contract.renewal_due", "unit.moved", "assessment.completed"} <= types
    reader = await new_key(stack.gateway, tenant.tenant_id, ["inventory:read"])
    refused = await gateway_client.get(
        "/v1/webhooks/event-types", headers={"authorization": f"Bearer {reader}"}
    )
    assert_problem(refused, 403)


async def test_hubspot_as_documented_registered_url_generic_events_and_other_pipelines(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    ads = await tool(gateway_client, tenant, "Google Ads")
    # Registered with HubSpot exactly so: a host in mixed case and an explicit default port.
    registered = "https://Hooks.Example.COM:443/mops/HubSpot"
    connection = await connect_hubspot(
        gateway_client,
        tenant,
        [("hs_analytics_source", "PAID_SEARCH", "Google Ads")],
        url=registered,
    )
    assert connection["public_url"] == registered  # kept as given, not normalised
    read = await gateway_client.get(f"{CONNECTIONS}/{connection['id']}", headers=tenant.headers)
    assert read.json()["public_url"] == registered
    generic = (CRM_FIXTURES / "hubspot/object_property_change_contact.json").read_bytes()
    won = (CRM_FIXTURES / "hubspot/deal_won_other_pipeline.json").read_bytes()
    path = connection["receive_path"]
    # HubSpot signs the URL it calls, the one registered; the normalised spelling passes too.
    for body, url in ((generic, registered), (won, "https://hooks.example.com/mops/HubSpot")):
        sent = await gateway_client.post(path, content=body, headers=hubspot_headers(body, url=url))
        assert sent.status_code == 200, sent.text
    elsewhere = hubspot_headers(won, url="https://hooks.example.com/mops/hubspot")
    assert_problem(await gateway_client.post(path, content=won, headers=elsewhere), 401)
    for _ in range(2):  # delivered again: nothing new
        sent = await gateway_client.post(
            path, content=won, headers=hubspot_headers(won, url=registered)
        )
        assert sent.json() == {"received": 5, "stored": 0}
    assert await drain(context_of(stack)) == 7
    recorded = await outcomes(gateway_client, tenant)
    assert sorted((o["kind"], o["tool_id"]) for o in recorded) == [("lead", ads), ("revenue", ads)]
    lead = next(o for o in recorded if o["kind"] == "lead")
    assert lead["attributes"]["object_id"] == "1246965"
    revenue = next(o for o in recorded if o["kind"] == "revenue")
    assert revenue["amount"] == {"amount_minor": 125050, "currency": "GBP"}
    # Won when HubSpot's calculated flag said so, not before (the numeric stage said nothing).
    assert revenue["occurred_at"].startswith("2016-05-02T19:11:47.949")
    assert revenue["attributes"]["object_id"] == "7301"
    events = await inbox_by_object(gateway_client, tenant)
    company = events[("object.creation", 5102)]
    assert company["detail"] == "company 5102: no outcome of its own; it attributes its deals"
    assert events[("deal.propertyChange", "93461828")]["detail"] == "deal 7301: not won"


async def test_salesforce_ids_written_as_the_ui_shows_them_match_the_messages_18(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    webinars = await tool(gateway_client, tenant, "Webinars")
    connection = await connect_salesforce(
        gateway_client,
        tenant,
        [
            ("CampaignId", "70130000001tcyI", "Webinars"),
            ("Primary_Campaign__c", "70130000001tcyI", "Webinars"),
        ],
        organization_id=SALESFORCE_ORG[:15],  # as Setup shows it
    )
    url, token = connection["receive_path"], connection["generated_secret"]
    for name in ("opportunity_won.xml", "lead_created.xml"):
        body = (CRM_FIXTURES / "salesforce" / name).read_bytes()
        sent = await gateway_client.post(url, params={"token": token}, content=body)
        assert sent.status_code == 200, sent.text
        assert b"<Ack>true</Ack>" in sent.content
    assert await drain(context_of(stack)) == 2
    recorded = await outcomes(gateway_client, tenant)
    assert sorted((o["kind"], o["tool_id"]) for o in recorded) == [
        ("lead", webinars),
        ("revenue", webinars),
    ]
    revenue = next(o for o in recorded if o["kind"] == "revenue")
    assert revenue["amount"] == {"amount_minor": 4800000, "currency": "USD"}
    assert revenue["occurred_at"].startswith("2026-11-20T10:00:00")
    # An 18-character organisation id whose suffix is not its checksum names no organisation.
    refused = await gateway_client.post(
        CONNECTIONS,
        json={"provider": "salesforce", "name": "x", "organization_id": "00D5e000000KQ2eAAA"},
        headers=tenant.headers,
    )
    assert_problem(refused, 422, "/organization_id")


# --- attribution through associations -------------------------------------------------------


def association(
    kind: str, from_id: int, to_id: int, at_ms: int, *, removed: bool = False
) -> dict[str, Any]:
    """A HubSpot association event (`deal.associationChange` or `contact.associationChange`)."""
    types = {
        "deal.associationChange": "DEAL_TO_CONTACT",
        "contact.associationChange": "CONTACT_TO_DEAL",
        "company.associationChange": "COMPANY_TO_DEAL",
    }
    event = hubspot(kind, from_id, at_ms)
    del event["objectId"]
    return event | {
        "associationType": types[kind],
        "fromObjectId": from_id,
        "toObjectId": to_id,
        "associationRemoved": removed,
        "isPrimaryAssociation": kind.startswith("deal"),
    }


def deal_to_company(deal_id: int, company_id: int, at_ms: int) -> dict[str, Any]:
    """HubSpot's `deal.associationChange` of a deal's association with its (primary) company."""
    event = association("deal.associationChange", deal_id, company_id, at_ms)
    return event | {"associationType": "DEAL_TO_COMPANY"}


CONTACT_SOURCE = hubspot("contact.propertyChange", 801, T0 + 1, hs_analytics_source="PAID_SEARCH")
DEAL_OPENED = [
    hubspot("deal.creation", 951, T0 + 2),
    hubspot("deal.propertyChange", 951, T0 + 3, amount="1250.50"),
    hubspot("deal.propertyChange", 951, T0 + 4, deal_currency_code="GBP"),
]
DEAL_WON = hubspot("deal.propertyChange", 951, T0 + 6, hs_is_closed_won="true")
ORDERS = {
    # Each step is delivered and processed before the next: the order the worker sees them.
    "association before won": [
        [hubspot("contact.creation", 801, T0), CONTACT_SOURCE],
        DEAL_OPENED,
        [association("deal.associationChange", 951, 801, T0 + 5)],
        [DEAL_WON],
    ],
    "association after won": [
        [hubspot("contact.creation", 801, T0), CONTACT_SOURCE],
        DEAL_OPENED,
        [DEAL_WON],
        [association("deal.associationChange", 951, 801, T0 + 7)],
    ],
    "contact's side of the association, after won": [
        [hubspot("contact.creation", 801, T0), CONTACT_SOURCE],
        DEAL_OPENED,
        [DEAL_WON],
        [association("contact.associationChange", 801, 951, T0 + 7)],
    ],
    "source set after won": [
        [hubspot("contact.creation", 801, T0)],
        DEAL_OPENED,
        [association("deal.associationChange", 951, 801, T0 + 5)],
        [DEAL_WON],
        [{**CONTACT_SOURCE, "occurredAt": T0 + 8}],
    ],
}


async def deliver_in_steps(
    stack: Stack, client: httpx.AsyncClient, tenant: TenantKey, steps: list[list[dict[str, Any]]]
) -> tuple[str, dict[str, Any]]:
    """A HubSpot connection attributing `PAID_SEARCH` to Google Ads (the tool's id and the
    connection), each step delivered and processed before the next: the order the worker sees."""
    ads = await tool(client, tenant, "Google Ads")
    connection = await connect_hubspot(
        client, tenant, [("hs_analytics_source", "PAID_SEARCH", "Google Ads")]
    )
    for step in steps:
        await post_hubspot(client, connection, step)
        assert await drain(context_of(stack)) == len(step)
    return ads, connection


@pytest.mark.parametrize("order", list(ORDERS))
async def test_a_hubspot_deal_won_is_attributed_through_its_contact_whatever_the_order(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey, order: str
) -> None:
    ads, connection = await deliver_in_steps(stack, gateway_client, tenant, ORDERS[order])
    recorded = await outcomes(gateway_client, tenant)
    assert sorted(o["kind"] for o in recorded) == ["lead", "revenue"]
    (revenue,) = [o for o in recorded if o["kind"] == "revenue"]
    assert revenue["tool_id"] == ads
    assert revenue["amount"] == {"amount_minor": 125050, "currency": "GBP"}
    # Dated when the deal was won (T0 + 6 ms), not when it became attributable.
    assert revenue["occurred_at"].startswith("2025-11-28T03:20:00.006")
    assert revenue["external_id"] == f"hubspot:{connection['id']}:deal:951"
    events = await inbox_by_object(gateway_client, tenant)
    won = events[("deal.propertyChange", "true")]
    if order == "association before won":
        assert won["status"] == "processed"
        assert "revenue for 'Google Ads' recorded through contact 801" in won["detail"]
    else:
        # Won before it could be attributed: unmapped, then recorded by a later event, which
        # settles it: the unmapped list holds only what still needs a rule.
        later = [
            e
            for e in events.values()
            if "revenue for 'Google Ads' recorded" in e["detail"] and e["id"] != won["id"]
        ]
        assert len(later) == 1
        assert later[0]["status"] == "processed"
        assert "through contact 801" in later[0]["detail"]
        assert won["status"] == "processed", won["detail"]
        assert won["detail"].startswith("deal 951: revenue for 'Google Ads' recorded through")
        assert won["detail"].endswith(f", by a later event ({later[0]['id']})")
        unmapped = await gateway_client.get(
            INBOX, params={"status": "unmapped"}, headers=tenant.headers
        )
        assert unmapped.json()["items"] == []
    # Everything replayed: still one revenue.
    for event in events.values():
        await gateway_client.post(f"{INBOX}/{event['id']}/replay", headers=tenant.headers)
    await drain(context_of(stack))
    again = await outcomes(gateway_client, tenant)
    assert sorted(o["kind"] for o in again) == ["lead", "revenue"]


async def test_a_won_deal_no_rule_attributes_is_unmapped_and_a_replay_records_it_once(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    events_tool = await tool(gateway_client, tenant, "Trade shows")
    connection = await connect_hubspot(
        gateway_client, tenant, [("hs_analytics_source", "PAID_SEARCH", "Google Ads")]
    )
    await post_hubspot(
        gateway_client,
        connection,
        [
            hubspot("contact.propertyChange", 802, T0, hs_analytics_source="OFFLINE"),
            association("deal.associationChange", 952, 802, T0 + 1),
            hubspot("deal.propertyChange", 952, T0 + 2, amount="300"),
            hubspot("deal.propertyChange", 952, T0 + 3, dealstage="closedwon"),
            # A second deal, won with no contact at all.
            hubspot("deal.propertyChange", 953, T0 + 4, amount="20"),
            hubspot("deal.propertyChange", 953, T0 + 5, dealstage="closedwon"),
        ],
    )
    assert await drain(context_of(stack)) == 6
    listed = await gateway_client.get(INBOX, params={"limit": 200}, headers=tenant.headers)
    won = [e for e in listed.json()["items"] if e["payload"].get("property_value") == "closedwon"]
    details = sorted((e["status"], e["detail"]) for e in won)
    assert details == [
        (
            "unmapped",
            "deal 952: won, no attribution rule matches its own (none of the rules' properties"
            " is known) nor those of its associated records (contact 802:"
            " hs_analytics_source='OFFLINE')",
        ),
        (
            "unmapped",
            "deal 953: won, no attribution rule matches its own (none of the rules' properties"
            " is known); no associated contact or company known",
        ),
    ]
    assert await outcomes(gateway_client, tenant) == []

    patched = await gateway_client.patch(
        f"{CONNECTIONS}/{connection['id']}",
        json={
            "attribution_rules": [
                {"property": "hs_analytics_source", "equals": "OFFLINE", "tool_name": "Trade shows"}
            ]
        },
        headers={**tenant.headers, "if-match": '"1"'},
    )
    assert patched.status_code == 200, patched.text
    unmapped = await gateway_client.get(
        INBOX, params={"status": "unmapped"}, headers=tenant.headers
    )
    for _ in range(2):  # replayed twice: recorded once
        for event in unmapped.json()["items"]:
            replayed = await gateway_client.post(
                f"{INBOX}/{event['id']}/replay", headers=tenant.headers
            )
            assert replayed.status_code == 202, replayed.text
        await drain(context_of(stack))
    recorded = sorted(
        (o["kind"], o["tool_id"], o["amount"], o["external_id"])
        for o in await outcomes(gateway_client, tenant)
    )
    assert recorded == [
        ("lead", events_tool, None, f"hubspot:{connection['id']}:contact:802"),
        (
            "revenue",
            events_tool,
            {"amount_minor": 30000, "currency": "EUR"},
            f"hubspot:{connection['id']}:deal:952",
        ),
    ]
    # The deal with no contact is still unmapped, and says so.
    still = await gateway_client.get(INBOX, params={"status": "unmapped"}, headers=tenant.headers)
    assert [e["detail"].split(":")[0] for e in still.json()["items"]] == ["deal 953"]


async def test_a_pipedrive_deal_is_attributed_through_its_person(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    webinars = await tool(gateway_client, tenant, "Webinars")
    connection = await connect_pipedrive(
        gateway_client, tenant, [(PD_V1_SOURCE, "webinar", "Webinars")]
    )
    won = pipedrive_fixture("v1-deal-updated-won")
    for record in (won["current"], won["previous"]):  # the deal itself says nothing of its source
        del record[PD_V1_SOURCE]
    for payload in (won, pipedrive_fixture("v1-person-updated")):  # the deal first
        await post_pipedrive(gateway_client, connection, payload)
        assert await drain(context_of(stack)) == 1
    recorded = sorted(
        (o["kind"], o["tool_id"], o["external_id"]) for o in await outcomes(gateway_client, tenant)
    )
    assert recorded == [
        ("lead", webinars, f"pipedrive:{connection['id']}:contact:701"),
        ("revenue", webinars, f"pipedrive:{connection['id']}:deal:701"),
    ]
    listed = await gateway_client.get(INBOX, params={"limit": 200}, headers=tenant.headers)
    items = listed.json()["items"]
    deal_event = next(e for e in items if e["kind"] == "deal.updated")
    person_event = next(e for e in items if e["kind"] == "person.updated")
    # Unmapped when processed (its person unknown), settled when the person's event recorded it.
    assert deal_event["status"] == "processed"
    revenue_id = next(
        o["id"] for o in await outcomes(gateway_client, tenant) if o["kind"] == "revenue"
    )
    assert deal_event["detail"] == (
        f"deal 701: revenue for 'Webinars' recorded through contact 701 (outcome {revenue_id})"
        f", by a later event ({person_event['id']})"
    )


# --- attribution through companies -------------------------------------------------------------

COMPANY_SOURCE = hubspot("company.propertyChange", 5103, T0 + 3, hs_analytics_source="PAID_SEARCH")
# A deal whose only contact came offline: its company is what attributes it.
OFFLINE_CONTACT = hubspot("contact.propertyChange", 803, T0, hs_analytics_source="OFFLINE")
COMPANY_DEAL = [
    hubspot("deal.propertyChange", 954, T0 + 1, amount="900"),
    association("deal.associationChange", 954, 803, T0 + 2),
]
COMPANY_DEAL_WON = hubspot("deal.propertyChange", 954, T0 + 5, dealstage="closedwon")
COMPANY_ORDERS = {
    "company known, then associated, then won": [
        [OFFLINE_CONTACT, *COMPANY_DEAL, COMPANY_SOURCE],
        [deal_to_company(954, 5103, T0 + 4)],
        [COMPANY_DEAL_WON],
    ],
    "won, then associated from the company's side": [
        [OFFLINE_CONTACT, *COMPANY_DEAL, COMPANY_SOURCE],
        [COMPANY_DEAL_WON],
        [association("company.associationChange", 5103, 954, T0 + 6)],
    ],
    "won and associated, the company's source last": [
        [OFFLINE_CONTACT, *COMPANY_DEAL],
        [deal_to_company(954, 5103, T0 + 4)],
        [COMPANY_DEAL_WON],
        [{**COMPANY_SOURCE, "occurredAt": T0 + 7}],
    ],
}


@pytest.mark.parametrize("order", list(COMPANY_ORDERS))
async def test_a_hubspot_deal_its_contacts_do_not_attribute_is_attributed_through_its_company(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey, order: str
) -> None:
    ads, connection = await deliver_in_steps(stack, gateway_client, tenant, COMPANY_ORDERS[order])
    (revenue,) = await outcomes(gateway_client, tenant)  # no lead: the contact is unmapped
    assert (revenue["kind"], revenue["tool_id"]) == ("revenue", ads)
    assert revenue["amount"] == {"amount_minor": 90000, "currency": "EUR"}
    assert revenue["occurred_at"].startswith("2025-11-28T03:20:00.005")  # when it was won
    assert revenue["attributes"]["via"] == {"object_type": "company", "object_id": "5103"}
    assert revenue["external_id"] == f"hubspot:{connection['id']}:deal:954"
    listed = await gateway_client.get(INBOX, params={"limit": 200}, headers=tenant.headers)
    items = listed.json()["items"]
    recorded_by = [e for e in items if "recorded through company" in e["detail"]]
    settled = [e for e in recorded_by if "by a later event" in e["detail"]]
    if order.startswith("company known"):  # won when already attributable
        assert (len(recorded_by), settled) == (1, [])
    else:  # won first (unmapped), settled by the event that recorded it
        assert (len(recorded_by), len(settled)) == (2, 1)
        assert settled[0]["payload"]["property_value"] == "closedwon"
    assert all(e["status"] == "processed" for e in items if e["payload"].get("object_id") != 803)


async def test_a_pipedrive_deal_is_attributed_through_its_organization(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    # The organisation's custom field (of Pipedrive's own v2 example) names the source.
    org_field = "bdd479c3cfdb9c50bae4fa4929ae944980da55d7"
    partners = await tool(gateway_client, tenant, "Partner portal")
    connection = await connect_pipedrive(
        gateway_client, tenant, [(org_field, "978", "Partner portal")]
    )
    # The deal won (person 8, organisation 1), its person with no source, then the organisation.
    for name in ("v2-deal-change-won", "v2-person-create", "v2-organization-change"):
        await post_pipedrive(gateway_client, connection, pipedrive_fixture(name))
        assert await drain(context_of(stack)) == 1
    (revenue,) = await outcomes(gateway_client, tenant)
    assert (revenue["kind"], revenue["tool_id"]) == ("revenue", partners)
    assert revenue["attributes"]["via"] == {"object_type": "company", "object_id": "1"}
    assert revenue["external_id"] == f"pipedrive:{connection['id']}:deal:8"
    listed = await gateway_client.get(INBOX, params={"limit": 200}, headers=tenant.headers)
    by_kind = {e["kind"]: e for e in listed.json()["items"]}
    assert by_kind["organization.change"]["status"] == "processed"
    assert (
        "deal 8: revenue for 'Partner portal' recorded through company 1"
        in (by_kind["organization.change"]["detail"])
    )


async def test_a_salesforce_opportunity_is_attributed_through_its_account(
    stack: Stack, gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    partners = await tool(gateway_client, tenant, "Partner portal")
    salesforce = await connect_salesforce(
        gateway_client, tenant, [("AccountSource", "Partner", "Partner portal")]
    )
    # The opportunity won first (its account named by its 18-character id), the account after.
    opportunity = """<sf:Id>0065e00000AbCdEAAV</sf:Id>
<sf:AccountId>001G000001SUbc4IAD</sf:AccountId><sf:Amount>12000.00</sf:Amount><sf:CurrencyIsoCode>EUR</sf:CurrencyIsoCode><sf:IsWon>true</sf:IsWon>
<sf:LastModifiedDate>2026-11-20T10:00:00.000Z</sf:LastModifiedDate>"""
    account = """<sf:Id>001G000001SUbc4IAD</sf:Id><sf:AccountSource>Partner</sf:AccountSource>
<sf:LastModifiedDate>2026-11-21T10:00:00.000Z</sf:LastModifiedDate>"""
    for notification in (
        ("04l5e00000Gx7R1AAJ", "Opportunity", opportunity),
        ("04l5e00000Gx7R2AAJ", "Account", account),
    ):
        sent = await gateway_client.post(
            salesforce["receive_path"],
            params={"token": salesforce["generated_secret"]},
            content=salesforce_notifications(notification),
        )
        assert sent.status_code == 200, sent.text
        assert await drain(context_of(stack)) == 1
    (revenue,) = await outcomes(gateway_client, tenant)
    assert (revenue["kind"], revenue["tool_id"]) == ("revenue", partners)
    assert revenue["amount"] == {"amount_minor": 1200000, "currency": "EUR"}
    assert revenue["occurred_at"].startswith("2026-11-20T10:00:00")
    assert revenue["attributes"]["via"] == {
        "object_type": "company",
        "object_id": "001G000001SUbc4IAD",
    }


async def test_records_are_locked_in_one_order_so_workers_never_deadlock(
    stack: Stack,
    gateway_client: httpx.AsyncClient,
    tenant: TenantKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    connection = await connect_hubspot(
        gateway_client, tenant, [("hs_analytics_source", "PAID_SEARCH", "Google Ads")]
    )
    locks: list[tuple[str, str]] = []
    locked_record = repository.locked_record

    async def recording(session: Any, **where: Any) -> Any:
        locks.append((where["object_type"], where["object_id"]))
        return await locked_record(session, **where)

    monkeypatch.setattr(repository, "locked_record", recording)
    steps = [
        # A deal's event locks the records it links to, then the deal.
        association("deal.associationChange", 9602, 8601, T0),
        association("deal.associationChange", 9601, 8601, T0 + 1),
        deal_to_company(9601, 7601, T0 + 2),
        # A contact's locks itself, then its deals, by id (not in the order they were linked).
        hubspot("contact.propertyChange", 8601, T0 + 3, hs_analytics_source="PAID_SEARCH"),
    ]
    seen = []
    for step in steps:
        locks.clear()
        await post_hubspot(gateway_client, connection, [step])
        assert await drain(context_of(stack)) == 1
        seen.append(list(dict.fromkeys(locks)))
    assert seen == [
        [("contact", "8601"), ("deal", "9602")],
        [("contact", "8601"), ("deal", "9601")],
        [("company", "7601"), ("deal", "9601")],
        [("contact", "8601"), ("deal", "9601"), ("deal", "9602")],
    ]
