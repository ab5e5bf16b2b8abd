"""Helpers of the webhook tests: the connection and inbox routes, HubSpot deliveries signed as
HubSpot signs them, and the tools and connections those tests set up through the gateway."""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import time
from typing import Any

import httpx

from tests.integration.conftest import TenantKey
from tests.support import FIXTURES

CONNECTIONS = "/v1/webhooks/connections"
INBOX = "/v1/webhooks/inbox"
HUBSPOT_URL = "https://hooks.example.com/mops/hubspot"
HUBSPOT_SECRET = "8c1f0a4e-0000-4000-8000-hubspotsecret"
SALESFORCE_ORG = "00D5e000000KQ2eEAG"
# Vendor payloads copied from their documents (see SOURCES.md there).
CRM_FIXTURES = FIXTURES / "crm"

# One counter for every test of the session: a HubSpot event id is never sent twice.
_event_ids = itertools.count(int(time.time() * 1000) % 10**9)


def hubspot_headers(
    body: bytes, *, timestamp_ms: int | None = None, url: str = HUBSPOT_URL, **extra: str
) -> dict[str, str]:
    """Signed as HubSpot documents v3: base64 HMAC-SHA256 of method + URI + body + timestamp."""
    stamp = str(timestamp_ms if timestamp_ms is not None else int(time.time() * 1000))
    signed = b"POST" + url.encode() + body + stamp.encode()
    digest = hmac.new(HUBSPOT_SECRET.encode(), signed, hashlib.sha256).digest()
    return {
        "content-type": "application/json",
        "x-hubspot-request-timestamp": stamp,
        "x-hubspot-signature-v3": base64.b64encode(digest).decode(),
        **extra,
    }


def hubspot(kind: str, object_id: int, at_ms: int, **change: str) -> dict[str, Any]:
    """One HubSpot event; a property change when `change` names one (`name=value`)."""
    event: dict[str, Any] = {
        "eventId": next(_event_ids),
        "subscriptionType": kind,
        "objectId": object_id,
        "occurredAt": at_ms,
        "portalId": 62515,
        "attemptNumber": 0,
    }
    for name, value in change.items():
        event |= {"propertyName": name, "propertyValue": value}
    return event


async def inbox(client: httpx.AsyncClient, tenant: TenantKey) -> list[dict[str, Any]]:
    response = await client.get(INBOX, headers=tenant.headers, params={"limit": 200})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def tool(client: httpx.AsyncClient, tenant: TenantKey, name: str) -> str:
    created = await client.post(
        "/v1/inventory/tools", json={"name": name, "status": "active"}, headers=tenant.headers
    )
    assert created.status_code == 201, created.text
    tool_id: str = created.json()["id"]
    return tool_id


async def connect(
    client: httpx.AsyncClient,
    tenant: TenantKey,
    provider: str,
    rules: list[tuple[str, str, str]],
    **fields: str,
) -> dict[str, Any]:
    """A connection of `provider` with attribution rules `(property, equals, tool_name)` and
    the provider's own `fields`."""
    body = {
        "provider": provider,
        "name": provider.title(),
        **fields,
        "attribution_rules": [{"property": p, "equals": v, "tool_name": t} for p, v, t in rules],
    }
    created = await client.post(CONNECTIONS, json=body, headers=tenant.headers)
    assert created.status_code == 201, created.text
    connection: dict[str, Any] = created.json()
    return connection


async def connect_hubspot(
    client: httpx.AsyncClient,
    tenant: TenantKey,
    rules: list[tuple[str, str, str]],
    *,
    url: str = HUBSPOT_URL,
) -> dict[str, Any]:
    return await connect(
        client, tenant, "hubspot", rules, public_url=url, secret=HUBSPOT_SECRET, currency="EUR"
    )


async def connect_salesforce(
    client: httpx.AsyncClient,
    tenant: TenantKey,
    rules: list[tuple[str, str, str]],
    *,
    organization_id: str = SALESFORCE_ORG,
) -> dict[str, Any]:
    return await connect(client, tenant, "salesforce", rules, organization_id=organization_id)


async def connect_pipedrive(
    client: httpx.AsyncClient, tenant: TenantKey, rules: list[tuple[str, str, str]]
) -> dict[str, Any]:
    """Basic user `mops`, password `pw`."""
    return await connect(client, tenant, "pipedrive", rules, username="mops", password="pw")


def salesforce_message(*notification_ids: str) -> bytes:
    """An outbound message of won Opportunities, one per notification id."""
    return salesforce_notifications(
        *(
            (n, "Opportunity", f"<sf:Id>006{n[3:]}</sf:Id><sf:StageName>Closed Won</sf:StageName>")
            for n in notification_ids
        )
    )


def salesforce_notifications(*notifications: tuple[str, str, str]) -> bytes:
    """An outbound message of notifications `(notification id, sObject type, fields XML)`."""
    body = "".join(
        f"""<Notification><Id>{n}</Id><sObject xsi:type="sf:{kind}"
        xmlns:sf="urn:sobject.enterprise.soap.sforce.com">{fields}</sObject></Notification>"""
        for n, kind, fields in notifications
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soapenv:Body>
<notifications xmlns="http://soap.sforce.com/2005/09/outbound">
<OrganizationId>{SALESFORCE_ORG}</OrganizationId><ActionId>04k5e000000CaRkAAK</ActionId>
<SessionId xsi:nil="true"/><EnterpriseUrl>https://acme.example/c</EnterpriseUrl>
<PartnerUrl>https://acme.example/u</PartnerUrl>{body}</notifications>
</soapenv:Body></soapenv:Envelope>""".encode()
