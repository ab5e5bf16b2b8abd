"""Inbound CRM deliveries through the gateway: verified on their raw bytes, committed to the
inbox once per event identity before the 2xx, refused whole when not proven."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from tests.integration.conftest import Stack, TenantKey, new_tenant
from tests.integration.webhooks_support import (
    CONNECTIONS,
    HUBSPOT_SECRET,
    HUBSPOT_URL,
    SALESFORCE_ORG,
    hubspot_headers,
    inbox,
    salesforce_message,
)
from tests.support import assert_problem

pytestmark = pytest.mark.asyncio


def hubspot_events(*ids: int) -> bytes:
    return json.dumps(
        [
            {
                "eventId": event_id,
                "subscriptionType": "contact.creation",
                "objectId": 1000 + event_id,
                "occurredAt": 1764300000000 + event_id,
                "portalId": 62515,
                "attemptNumber": 0,
            }
            for event_id in ids
        ]
    ).encode()


async def hubspot_connection(client: httpx.AsyncClient, tenant: TenantKey) -> dict[str, Any]:
    body = {
        "provider": "hubspot",
        "name": "HubSpot portal",
        "public_url": HUBSPOT_URL,
        "secret": HUBSPOT_SECRET,
        "attribution_rules": [
            {"property": "hs_analytics_source", "equals": "PAID_SEARCH", "tool_name": "Google Ads"}
        ],
    }
    response = await client.post(CONNECTIONS, json=body, headers=tenant.headers)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    assert created["generated_secret"] is None
    assert HUBSPOT_SECRET not in response.text
    return created


async def test_a_hubspot_batch_is_stored_once_however_often_it_comes(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    connection = await hubspot_connection(gateway_client, tenant)
    url = connection["receive_path"]
    body = hubspot_events(1, 2)
    first = await gateway_client.post(url, content=body, headers=hubspot_headers(body))
    assert first.status_code == 200, first.text
    assert first.json() == {"received": 2, "stored": 2}
    for _ in range(4):  # the same batch five times in all
        again = await gateway_client.post(url, content=body, headers=hubspot_headers(body))
        assert again.json() == {"received": 2, "stored": 0}
    events = await inbox(gateway_client, tenant)
    assert sorted(e["identity"] for e in events) == ["hubspot:62515:1", "hubspot:62515:2"]
    assert {(e["status"], e["kind"], e["connection_id"]) for e in events} == {
        ("pending", "contact.creation", connection["id"])
    }
    first_event = next(e for e in events if e["identity"] == "hubspot:62515:1")
    occurred = datetime.fromisoformat(first_event["occurred_at"].replace("Z", "+00:00"))
    assert occurred == datetime.fromtimestamp(1764300000.001, UTC)


@pytest.mark.parametrize(
    "spoil",
    ["tampered", "stale", "future", "v2_only", "unsigned"],
)
async def test_an_unproven_hubspot_delivery_is_401_and_stores_nothing(
    gateway_client: httpx.AsyncClient, tenant: TenantKey, spoil: str
) -> None:
    connection = await hubspot_connection(gateway_client, tenant)
    body = hubspot_events(7)
    now_ms = int(time.time() * 1000)
    headers = hubspot_headers(body)
    sent = body
    if spoil == "tampered":
        sent = body.replace(b'"eventId": 7', b'"eventId": 8')
    elif spoil == "stale":
        headers = hubspot_headers(body, timestamp_ms=now_ms - 6 * 60 * 1000)
    elif spoil == "future":
        headers = hubspot_headers(body, timestamp_ms=now_ms + 6 * 60 * 1000)
    elif spoil == "v2_only":
        headers.pop("x-hubspot-signature-v3")
        headers["x-hubspot-signature"] = hashlib.sha256(HUBSPOT_SECRET.encode() + body).hexdigest()
    else:
        headers = {"content-type": "application/json"}
    response = await gateway_client.post(connection["receive_path"], content=sent, headers=headers)
    assert_problem(response, 401)
    assert await inbox(gateway_client, tenant) == []


async def test_a_generic_delivery_signed_by_the_standard_webhooks_library_is_stored(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    response = await gateway_client.post(
        CONNECTIONS, json={"provider": "generic", "name": "Forms"}, headers=tenant.headers
    )
    assert response.status_code == 201, response.text
    connection = response.json()
    secret = connection["generated_secret"]
    assert secret.startswith("whsec_")
    # Shown once: reading the connection again does not give it back.
    read = await gateway_client.get(f"{CONNECTIONS}/{connection['id']}", headers=tenant.headers)
    assert secret not in read.text
    body = json.dumps({"type": "contact.created", "data": {"source": "utm:google"}})
    now = datetime.now(UTC)
    headers = {
        "content-type": "application/json",
        "webhook-id": "msg_2Qx7",
        "webhook-timestamp": str(int(now.timestamp())),
        "webhook-signature": Webhook(secret).sign("msg_2Qx7", now, body),
    }
    for expected in (1, 0):
        sent = await gateway_client.post(connection["receive_path"], content=body, headers=headers)
        assert sent.status_code == 200, sent.text
        assert sent.json() == {"received": 1, "stored": expected}
    (event,) = await inbox(gateway_client, tenant)
    assert (event["identity"], event["kind"]) == ("generic:msg_2Qx7", "contact.created")
    assert event["payload"] == json.loads(body)


async def test_two_senders_reusing_an_event_id_on_two_connections_are_both_stored(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    body = json.dumps({"type": "form.submitted", "data": {"source": "utm:google"}})
    now = datetime.now(UTC)
    paths = []
    for name in ("Forms", "Chat"):  # two independent senders, each numbering its own messages
        response = await gateway_client.post(
            CONNECTIONS, json={"provider": "generic", "name": name}, headers=tenant.headers
        )
        assert response.status_code == 201, response.text
        connection = response.json()
        headers = {
            "content-type": "application/json",
            "webhook-id": "msg_1",
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": Webhook(connection["generated_secret"]).sign("msg_1", now, body),
        }
        for expected in (1, 0):  # each sender's redelivery is still deduplicated
            sent = await gateway_client.post(
                connection["receive_path"], content=body, headers=headers
            )
            assert sent.json() == {"received": 1, "stored": expected}, sent.text
        paths.append(connection["id"])
    events = await inbox(gateway_client, tenant)
    assert sorted(e["connection_id"] for e in events) == sorted(paths)
    assert {e["identity"] for e in events} == {"generic:msg_1"}


async def test_connections_and_their_events_belong_to_their_tenant(
    gateway_client: httpx.AsyncClient, tenant: TenantKey, stack: Stack
) -> None:
    connection = await hubspot_connection(gateway_client, tenant)
    body = hubspot_events(3)
    await gateway_client.post(
        connection["receive_path"], content=body, headers=hubspot_headers(body)
    )
    other = await new_tenant(stack.gateway)
    url = f"{CONNECTIONS}/{connection['id']}"  # the connection, no longer its receive URL
    assert_problem(await gateway_client.get(url, headers=other.headers), 404)
    assert_problem(await gateway_client.delete(url, headers=other.headers), 404)
    assert await inbox(gateway_client, other) == []
    assert len(await inbox(gateway_client, tenant)) == 1


async def test_bad_connections_and_deliveries_get_precise_problems(
    gateway_client: httpx.AsyncClient, tenant: TenantKey, stack: Stack
) -> None:
    refused = await gateway_client.post(
        CONNECTIONS, json={"provider": "hubspot", "name": "x"}, headers=tenant.headers
    )
    body = assert_problem(refused, 422)
    assert [e["pointer"] for e in body["errors"]] == ["/public_url", "/secret"]
    bad_secret = {"provider": "generic", "name": "x", "secret": "not-whsec"}
    assert_problem(
        await gateway_client.post(CONNECTIONS, json=bad_secret, headers=tenant.headers),
        422,
        "/secret",
    )
    reader = await new_tenant(stack.gateway, scopes=["inventory:read"])
    assert_problem(await gateway_client.get(CONNECTIONS, headers=reader.headers), 403)
    unknown = "/v1/webhooks/in/00000000-0000-4000-8000-000000000000"
    assert_problem(await gateway_client.post(unknown, content=b"[]"), 404)
    connection = await hubspot_connection(gateway_client, tenant)
    huge = b"[" + b" " * (1024 * 1024 + 1) + b"]"
    too_big = await gateway_client.post(connection["receive_path"], content=huge)
    assert_problem(too_big, 413)
    not_json = b"not json"
    response = await gateway_client.post(
        connection["receive_path"], content=not_json, headers=hubspot_headers(not_json)
    )
    assert_problem(response, 400)
    assert await inbox(gateway_client, tenant) == []


PIPEDRIVE_EVENT = {
    "meta": {"id": "8f5c2a", "action": "create", "entity": "deal", "version": "2.0"},
    "data": {"id": 42, "title": "Acme deal", "value": 12000, "currency": "EUR"},
}


async def test_pipedrive_deliveries_are_proven_by_basic_credentials(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    created = await gateway_client.post(
        CONNECTIONS,
        json={"provider": "pipedrive", "name": "Pipedrive", "username": "mops", "password": "s3"},
        headers=tenant.headers,
    )
    assert created.status_code == 201, created.text
    connection = created.json()
    assert (connection["username"], connection["secrets"]) == ("mops", 1)
    assert "s3" not in created.text
    body = json.dumps(PIPEDRIVE_EVENT).encode()
    good = "Basic " + base64.b64encode(b"mops:s3").decode()
    bad = "Basic " + base64.b64encode(b"mops:wrong").decode()
    url = connection["receive_path"]
    refused = await gateway_client.post(url, content=body, headers={"authorization": bad})
    assert_problem(refused, 401)
    for expected in (1, 0):
        sent = await gateway_client.post(url, content=body, headers={"authorization": good})
        assert sent.status_code == 200, sent.text
        assert sent.json() == {"received": 1, "stored": expected}
    (event,) = await inbox(gateway_client, tenant)
    assert (event["identity"], event["kind"]) == ("pipedrive:8f5c2a", "deal.create")


async def test_salesforce_messages_are_acknowledged_in_soap_and_stored_once(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    created = await gateway_client.post(
        CONNECTIONS,
        json={"provider": "salesforce", "name": "Salesforce", "organization_id": SALESFORCE_ORG},
        headers=tenant.headers,
    )
    assert created.status_code == 201, created.text
    connection = created.json()
    token = connection["generated_secret"]
    assert token
    body = salesforce_message("04l5e00000Gx7QzAAJ", "04l5e00000Gx7R0AAJ")
    url = connection["receive_path"]
    ack = (
        b'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
        b"<soapenv:Body><notificationsResponse "
        b'xmlns="http://soap.sforce.com/2005/09/outbound"><Ack>true</Ack>'
        b"</notificationsResponse></soapenv:Body></soapenv:Envelope>"
    )
    for _ in range(3):
        sent = await gateway_client.post(url, params={"token": token}, content=body)
        assert sent.status_code == 200, sent.text
        assert sent.content == ack
        assert sent.headers["content-type"].startswith("text/xml")
    events = await inbox(gateway_client, tenant)
    assert sorted(e["identity"] for e in events) == [
        f"salesforce:{SALESFORCE_ORG}:04l5e00000Gx7QzAAJ",
        f"salesforce:{SALESFORCE_ORG}:04l5e00000Gx7R0AAJ",
    ]
    # Refusals are SOAP 1.1 faults, what a Salesforce sender reads, with the precise status.
    other_org = body.replace(SALESFORCE_ORG.encode(), b"00D000000000001AAA")
    for params, content, status, reason in (
        ({"token": "nope"}, body, 401, "URL secret does not match"),
        ({"token": token}, other_org, 401, "OrganizationId is not the connection"),
        ({"token": token}, b"<notsoap/>", 400, "not a SOAP 1.1 envelope"),
    ):
        refused = await gateway_client.post(url, params=params, content=content)
        assert refused.status_code == status, refused.text
        assert refused.headers["content-type"] == "text/xml; charset=utf-8"
        soap = "{http://schemas.xmlsoap.org/soap/envelope/}"
        fault = ElementTree.fromstring(refused.content).find(f"{soap}Body/{soap}Fault")
        assert fault is not None, refused.text
        assert fault.findtext("faultcode") == "soapenv:Client"
        assert reason in (fault.findtext("faultstring") or "")
    # A connection that does not exist is no Salesforce one: a problem, as for everyone.
    missing_url = url.rsplit("/", 1)[0] + "/00000000-0000-4000-8000-000000000000"
    assert_problem(
        await gateway_client.post(missing_url, params={"token": token}, content=body), 404
    )
    assert len(await inbox(gateway_client, tenant)) == 2
    missing = {"provider": "salesforce", "name": "x"}
    refused = await gateway_client.post(CONNECTIONS, json=missing, headers=tenant.headers)
    assert_problem(refused, 422, "/organization_id")


async def test_a_rotated_secret_and_the_previous_one_both_pass_until_the_overlap_ends(
    gateway_client: httpx.AsyncClient, tenant: TenantKey
) -> None:
    connection = await hubspot_connection(gateway_client, tenant)
    secret_url = f"{CONNECTIONS}/{connection['id']}/secret"
    rotated = await gateway_client.post(
        secret_url, json={"secret": "new-hubspot-secret"}, headers=tenant.headers
    )
    assert rotated.status_code == 200, rotated.text
    assert (rotated.json()["secrets"], rotated.json()["version"]) == (2, 2)
    assert "new-hubspot-secret" not in rotated.text

    def signed_with(secret: str, body: bytes) -> dict[str, str]:
        stamp = str(int(time.time() * 1000))
        signed = b"POST" + HUBSPOT_URL.encode() + body + stamp.encode()
        digest = hmac.new(secret.encode(), signed, hashlib.sha256).digest()
        return {
            "x-hubspot-request-timestamp": stamp,
            "x-hubspot-signature-v3": base64.b64encode(digest).decode(),
        }

    url = connection["receive_path"]
    old, new, later = hubspot_events(31), hubspot_events(32), hubspot_events(33)
    for body, secret in ((old, HUBSPOT_SECRET), (new, "new-hubspot-secret")):
        sent = await gateway_client.post(url, content=body, headers=signed_with(secret, body))
        assert sent.status_code == 200, sent.text
    ended = await gateway_client.delete(f"{secret_url}/previous", headers=tenant.headers)
    assert ended.status_code == 200, ended.text
    assert ended.json()["secrets"] == 1
    refused = await gateway_client.post(
        url, content=later, headers=signed_with(HUBSPOT_SECRET, later)
    )
    assert_problem(refused, 401)
    assert_problem(
        await gateway_client.delete(f"{secret_url}/previous", headers=tenant.headers), 409
    )
    assert len(await inbox(gateway_client, tenant)) == 2
    # HubSpot needs the new secret given; Pipedrive has no signing secret to rotate.
    assert_problem(
        await gateway_client.post(secret_url, json={}, headers=tenant.headers), 422, "/secret"
    )
    pipedrive = await gateway_client.post(
        CONNECTIONS,
        json={"provider": "pipedrive", "name": "P", "username": "u", "password": "p"},
        headers=tenant.headers,
    )
    refused = await gateway_client.post(
        f"{CONNECTIONS}/{pipedrive.json()['id']}/secret", json={}, headers=tenant.headers
    )
    assert_problem(refused, 422, "/secret")
    generic = await gateway_client.post(
        CONNECTIONS, json={"provider": "generic", "name": "G"}, headers=tenant.headers
    )
    regenerated = await gateway_client.post(
        f"{CONNECTIONS}/{generic.json()['id']}/secret", json={}, headers=tenant.headers
    )
    assert regenerated.json()["generated_secret"].startswith("whsec_")
    assert regenerated.json()["generated_secret"] != generic.json()["generated_secret"]
