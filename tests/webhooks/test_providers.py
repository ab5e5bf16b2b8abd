from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import time
from datetime import UTC, datetime
from typing import Any
from xml.etree import ElementTree

import pytest
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from mops_webhooks.providers.common import (
    TIMESTAMP_TOLERANCE_SECONDS,
    PayloadRejected,
    SignatureRejected,
    credential_matches,
    hash_credential,
)
from mops_webhooks.providers.hubspot import (
    HubSpotDelivery,
    hubspot_v3_signature,
    parse_hubspot_events,
    uri_as_signed,
    verify_hubspot,
)
from mops_webhooks.providers.pipedrive import PipedriveDelivery, parse_pipedrive, verify_pipedrive
from mops_webhooks.providers.salesforce import (
    SALESFORCE_ACK,
    parse_salesforce_notifications,
    salesforce_fault,
    salesforce_id_key,
    salesforce_id_suffix,
    same_salesforce_id,
    verify_salesforce,
)
from mops_webhooks.providers.standard import sign_standard_webhook, verify_standard_webhook
from tests.support import FIXTURES, fixture

# --- HubSpot ----------------------------------------------------------------------------------

HS_SECRET = "yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy"
HS_URI = "https://www.example.com/webhook_uri"
HS_BODY = b'{"example_field":"example_value"}'
HS_TIMESTAMP = "1693657560000"
HS_NOW = 1693657560.0


def _independent_hubspot_signature(secret: str, method: str, uri: str, body: bytes, ts: str) -> str:
    source = method.encode() + uri.encode() + body + ts.encode()
    return base64.b64encode(hmac.new(secret.encode(), source, hashlib.sha256).digest()).decode()


def _hubspot_headers(signature: str, timestamp: str = HS_TIMESTAMP) -> dict[str, str]:
    return {"X-HubSpot-Signature-v3": signature, "X-HubSpot-Request-Timestamp": timestamp}


def _verify_hubspot(
    body: bytes = HS_BODY,
    *,
    headers: dict[str, str],
    secrets: list[str] | None = None,
    now: float = HS_NOW,
    uri: str = HS_URI,
) -> HubSpotDelivery:
    return verify_hubspot(
        method="POST",
        uri=uri,
        body=body,
        headers=headers,
        client_secrets=secrets or [HS_SECRET],
        now=now,
    )


def test_hubspot_documented_vector_is_accepted() -> None:
    # HubSpot's request-validation page gives these inputs but no v3 result for this body, so
    # the expected value is computed here independently of the module.
    expected = _independent_hubspot_signature(HS_SECRET, "POST", HS_URI, HS_BODY, HS_TIMESTAMP)
    assert hubspot_v3_signature(HS_SECRET, "POST", HS_URI, HS_BODY, HS_TIMESTAMP) == expected
    delivery = _verify_hubspot(headers=_hubspot_headers(expected))
    assert delivery.timestamp_ms == 1693657560000
    assert delivery.secret_index == 0


def test_hubspot_vector_published_in_hubspots_own_sdk_tests() -> None:
    # HubSpot's Python SDK signs the same inputs with a single-quoted body and publishes this.
    body = b"{'example_field':'example_value'}"
    published = "K36dawei4A+QBNolUOqo7s91KQDWQ5MXZ/QufNYuk/Y="
    assert _independent_hubspot_signature(HS_SECRET, "POST", HS_URI, body, HS_TIMESTAMP) == (
        published
    )
    assert hubspot_v3_signature(HS_SECRET, "POST", HS_URI, body, HS_TIMESTAMP) == published
    _verify_hubspot(body, headers=_hubspot_headers(published))


def test_hubspot_header_names_are_case_insensitive() -> None:
    signature = hubspot_v3_signature(HS_SECRET, "POST", HS_URI, HS_BODY, HS_TIMESTAMP)
    headers = {"x-hubspot-signature-v3": signature, "X-HUBSPOT-REQUEST-TIMESTAMP": HS_TIMESTAMP}
    _verify_hubspot(headers=headers)


def _hubspot_refusal(
    body: bytes = HS_BODY,
    *,
    headers: dict[str, str],
    secrets: list[str] | None = None,
    now: float = HS_NOW,
) -> str:
    with pytest.raises(SignatureRejected) as refused:
        _verify_hubspot(body, headers=headers, secrets=secrets, now=now)
    return refused.value.reason


def test_hubspot_tampered_body_byte_is_refused() -> None:
    signature = hubspot_v3_signature(HS_SECRET, "POST", HS_URI, HS_BODY, HS_TIMESTAMP)
    tampered = HS_BODY.replace(b"example_value", b"example_valuf")
    reason = _hubspot_refusal(body=tampered, headers=_hubspot_headers(signature))
    assert reason == "X-HubSpot-Signature-v3 does not match"


def test_hubspot_signature_for_another_uri_is_refused() -> None:
    signature = hubspot_v3_signature(
        HS_SECRET, "POST", "https://attacker.example/webhook_uri", HS_BODY, HS_TIMESTAMP
    )
    reason = _hubspot_refusal(headers=_hubspot_headers(signature))
    assert reason == "X-HubSpot-Signature-v3 does not match"


def test_hubspot_signs_the_url_with_the_characters_it_documents_decoded() -> None:
    registered = "https://hooks.example.com/in?tenant=acme%3Aeu&ref=a%2cb%20c%2Fd%25"
    # %3A and %2C (either case) and %2F are decoded; %20 and %25 are not among them.
    as_signed = "https://hooks.example.com/in?tenant=acme:eu&ref=a,b%20c/d%25"
    assert uri_as_signed(registered) == as_signed
    signature = hubspot_v3_signature(HS_SECRET, "POST", as_signed, HS_BODY, HS_TIMESTAMP)
    assert _verify_hubspot(headers=_hubspot_headers(signature), uri=registered)
    # A signature over the URL still encoded is not how HubSpot signs it.
    encoded = hubspot_v3_signature(HS_SECRET, "POST", registered, HS_BODY, HS_TIMESTAMP)
    with pytest.raises(SignatureRejected):
        _verify_hubspot(headers=_hubspot_headers(encoded), uri=registered)
    # Every character of the documented table, and nothing else.
    table = "%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B"
    assert uri_as_signed(table + "%20%23%26%3D") == ":/?@!$'()*,;%20%23%26%3D"


def test_hubspot_window_is_five_minutes_each_way() -> None:
    signature = hubspot_v3_signature(HS_SECRET, "POST", HS_URI, HS_BODY, HS_TIMESTAMP)
    headers = _hubspot_headers(signature)
    _verify_hubspot(headers=headers, now=HS_NOW + TIMESTAMP_TOLERANCE_SECONDS)
    _verify_hubspot(headers=headers, now=HS_NOW - TIMESTAMP_TOLERANCE_SECONDS)
    stale = _hubspot_refusal(headers=headers, now=HS_NOW + TIMESTAMP_TOLERANCE_SECONDS + 1)
    assert stale == "timestamp is older than the 5-minute tolerance"
    future = _hubspot_refusal(headers=headers, now=HS_NOW - TIMESTAMP_TOLERANCE_SECONDS - 1)
    assert future == "timestamp is more than 5 minutes in the future"


def test_hubspot_v1_v2_only_request_is_refused() -> None:
    v2 = hashlib.sha256(f"{HS_SECRET}POST{HS_URI}".encode() + HS_BODY).hexdigest()
    headers = {"X-HubSpot-Signature": v2, "X-HubSpot-Signature-Version": "v2"}
    reason = _hubspot_refusal(headers=headers)
    assert reason == "only an X-HubSpot-Signature (v1/v2) was sent; signature v3 is required"


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"X-HubSpot-Request-Timestamp": HS_TIMESTAMP}, "missing X-HubSpot-Signature-v3 header"),
        ({"X-HubSpot-Signature-v3": "x"}, "missing X-HubSpot-Request-Timestamp header"),
        (
            {"X-HubSpot-Signature-v3": "x", "X-HubSpot-Request-Timestamp": "16936575600OO"},
            "X-HubSpot-Request-Timestamp is not a number of milliseconds",
        ),
        (
            {"X-HubSpot-Signature-v3": "x", "X-HubSpot-Request-Timestamp": "-1693657560000"},
            "X-HubSpot-Request-Timestamp is not a number of milliseconds",
        ),
        (
            {"X-HubSpot-Signature-v3": "x", "X-HubSpot-Request-Timestamp": "١٦٩٣٦٥٧٥٦٠٠٠٠"},
            "X-HubSpot-Request-Timestamp is not a number of milliseconds",
        ),
    ],
)
def test_hubspot_incomplete_headers_are_refused(headers: dict[str, str], reason: str) -> None:
    assert _hubspot_refusal(headers=headers) == reason


def test_hubspot_accepts_either_secret_during_rotation() -> None:
    old, new, other = "old-client-secret", "new-client-secret", "someone-elses-secret"
    for secret, index in ((new, 0), (old, 1)):
        signature = hubspot_v3_signature(secret, "POST", HS_URI, HS_BODY, HS_TIMESTAMP)
        delivery = _verify_hubspot(headers=_hubspot_headers(signature), secrets=[new, old])
        assert delivery.secret_index == index
    signature = hubspot_v3_signature(other, "POST", HS_URI, HS_BODY, HS_TIMESTAMP)
    reason = _hubspot_refusal(headers=_hubspot_headers(signature), secrets=[new, old])
    assert reason == "X-HubSpot-Signature-v3 does not match"


def test_hubspot_secret_configuration_is_checked() -> None:
    headers = _hubspot_headers("x")
    with pytest.raises(ValueError, match="between 1 and 2"):
        _verify_hubspot(headers=headers, secrets=["a", "b", "c"])
    with pytest.raises(TypeError):
        verify_hubspot(
            method="POST", uri=HS_URI, body=HS_BODY, headers=headers, client_secrets="ab"
        )


def _hubspot_event(**overrides: object) -> dict[str, object]:
    event: dict[str, object] = {
        "eventId": 100,
        "subscriptionId": 7,
        "portalId": 62515,
        "occurredAt": 1693657560000,
        "subscriptionType": "contact.propertyChange",
        "attemptNumber": 0,
        "objectId": 123,
        "propertyName": "hs_analytics_source",
        "propertyValue": "PAID_SEARCH",
        "changeSource": "CRM",
    }
    event.update(overrides)
    return {k: v for k, v in event.items() if v is not None}


def test_hubspot_events_are_parsed_with_their_dedupe_identity() -> None:
    creation = _hubspot_event(
        eventId=101,
        subscriptionType="contact.creation",
        propertyName=None,
        propertyValue=None,
    )
    body = json.dumps([_hubspot_event(), creation]).encode()
    events = parse_hubspot_events(body)
    assert [e.dedupe_key for e in events] == ["hubspot:62515:100", "hubspot:62515:101"]
    first, second = events
    assert first.subscription_type == "contact.propertyChange"
    assert first.occurred_at_ms == 1693657560000
    assert (first.object_id, first.property_name, first.property_value) == (
        123,
        "hs_analytics_source",
        "PAID_SEARCH",
    )
    assert first.attempt_number == 0
    assert (second.property_name, second.property_value) == (None, None)


def _payload_refusal(body: bytes) -> str:
    with pytest.raises(PayloadRejected) as refused:
        parse_hubspot_events(body)
    return refused.value.reason


def test_hubspot_body_limits() -> None:
    assert len(parse_hubspot_events(json.dumps([_hubspot_event()] * 100).encode())) == 100
    assert _payload_refusal(json.dumps([_hubspot_event()] * 101).encode()) == (
        "more than 100 events"
    )
    assert _payload_refusal(b"[{") == "body is not valid JSON"
    assert _payload_refusal(b"\xff\xfe\xfa") == "body is not valid JSON"
    assert _payload_refusal(b'{"eventId": 1}') == "body is not a JSON array"
    assert _payload_refusal(b"[1]") == "event 0 is not a JSON object"


@pytest.mark.parametrize("missing", ["eventId", "subscriptionType", "occurredAt", "portalId"])
def test_hubspot_event_missing_a_required_field_is_refused(missing: str) -> None:
    event = _hubspot_event()
    del event[missing]
    body = json.dumps([_hubspot_event(), event]).encode()
    assert _payload_refusal(body) == f"event 1: {missing} is missing"


def test_hubspot_event_fields_of_the_wrong_type_are_refused() -> None:
    assert _payload_refusal(json.dumps([_hubspot_event(eventId="100")]).encode()) == (
        "event 0: eventId is not an integer"
    )
    assert _payload_refusal(json.dumps([_hubspot_event(occurredAt=True)]).encode()) == (
        "event 0: occurredAt is not an integer"
    )
    assert _payload_refusal(json.dumps([_hubspot_event(objectId="x")]).encode()) == (
        "event 0: objectId has the wrong type"
    )


# --- Standard Webhooks ------------------------------------------------------------------------

SW_SECRET = "whsec_" + base64.b64encode(bytes(range(32))).decode()
SW_OLD_SECRET = "whsec_" + base64.b64encode(b"previous-secret-previous-secret!").decode()
SW_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"
SW_TS = 1_700_000_000
SW_PAYLOAD = '{"type":"contact.created","timestamp":"2023-11-14T22:13:20Z","data":{"id":"c1"}}'


def _sw_headers(signature: str, *, msg_id: str = SW_ID, ts: int = SW_TS) -> dict[str, str]:
    return {"webhook-id": msg_id, "webhook-timestamp": str(ts), "webhook-signature": signature}


def test_standard_webhooks_known_answer_from_the_reference_library() -> None:
    # The reference Python library's own test of its sign function.
    signature = sign_standard_webhook(
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330,
        b'{"test": 2432232314}',
    )
    assert signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_standard_webhooks_signed_by_the_library_are_accepted() -> None:
    signed_at = datetime.fromtimestamp(SW_TS, tz=UTC)
    signature = Webhook(SW_SECRET).sign(SW_ID, signed_at, SW_PAYLOAD)
    delivery = verify_standard_webhook(
        body=SW_PAYLOAD.encode(),
        headers=_sw_headers(signature),
        signing_secrets=[SW_SECRET],
        now=SW_TS + 10,
    )
    assert delivery.webhook_id == SW_ID
    assert delivery.timestamp == SW_TS
    assert delivery.dedupe_key == f"generic:{SW_ID}"


def test_standard_webhooks_signed_here_are_verified_by_the_library() -> None:
    now = int(time.time())  # the library verifies against the real clock
    body = SW_PAYLOAD.encode()
    headers = _sw_headers(sign_standard_webhook(SW_SECRET, SW_ID, now, body), ts=now)
    assert Webhook(SW_SECRET).verify(body, headers) == json.loads(SW_PAYLOAD)
    with pytest.raises(WebhookVerificationError):
        Webhook(SW_OLD_SECRET).verify(body, headers)


def _sw_refusal(
    body: bytes, headers: dict[str, str], now: float = SW_TS, secrets: list[str] | None = None
) -> str:
    with pytest.raises(SignatureRejected) as refused:
        verify_standard_webhook(
            body=body, headers=headers, signing_secrets=secrets or [SW_SECRET], now=now
        )
    return refused.value.reason


def test_standard_webhooks_tampered_or_out_of_window_are_refused() -> None:
    body = SW_PAYLOAD.encode()
    headers = _sw_headers(sign_standard_webhook(SW_SECRET, SW_ID, SW_TS, body))
    tampered = body.replace(b'"c1"', b'"c2"')
    assert _sw_refusal(tampered, headers) == "no webhook-signature matches"
    other_id = {**headers, "webhook-id": "msg_other"}
    assert _sw_refusal(body, other_id) == "no webhook-signature matches"
    assert _sw_refusal(body, headers, now=SW_TS + TIMESTAMP_TOLERANCE_SECONDS + 1) == (
        "timestamp is older than the 5-minute tolerance"
    )
    assert _sw_refusal(body, headers, now=SW_TS - TIMESTAMP_TOLERANCE_SECONDS - 1) == (
        "timestamp is more than 5 minutes in the future"
    )


def test_standard_webhooks_signature_list_and_rotation() -> None:
    body = SW_PAYLOAD.encode()
    old = sign_standard_webhook(SW_OLD_SECRET, SW_ID, SW_TS, body)
    new = sign_standard_webhook(SW_SECRET, SW_ID, SW_TS, body)
    # Other schemes, malformed entries and wrong v1 signatures around the good one are ignored.
    noisy = f"v1a,{new[3:]} v2,{new[3:]} garbage v1,!!! v1,{'A' * 44} {old}"
    delivery = verify_standard_webhook(
        body=body,
        headers=_sw_headers(noisy),
        signing_secrets=[SW_SECRET, SW_OLD_SECRET],
        now=SW_TS,
    )
    assert delivery.secret_index == 1
    delivery = verify_standard_webhook(
        body=body, headers=_sw_headers(new), signing_secrets=[SW_SECRET, SW_OLD_SECRET], now=SW_TS
    )
    assert delivery.secret_index == 0
    assert _sw_refusal(body, _sw_headers(old)) == "no webhook-signature matches"
    assert _sw_refusal(body, _sw_headers(f"v1a,{new[3:]}")) == (
        "webhook-signature carries no v1 signature"
    )


@pytest.mark.parametrize(
    ("drop", "reason"),
    [
        ("webhook-id", "missing webhook-id header"),
        ("webhook-timestamp", "missing webhook-timestamp header"),
        ("webhook-signature", "missing webhook-signature header"),
    ],
)
def test_standard_webhooks_missing_headers_are_refused(drop: str, reason: str) -> None:
    headers = _sw_headers("v1,AAAA")
    del headers[drop]
    assert _sw_refusal(b"{}", headers) == reason


def test_standard_webhooks_timestamp_must_be_whole_seconds() -> None:
    headers = {**_sw_headers("v1,AAAA"), "webhook-timestamp": "1700000000.5"}
    assert _sw_refusal(b"{}", headers) == "webhook-timestamp is not a whole number of seconds"


# --- Pipedrive --------------------------------------------------------------------------------

PD_USER = "mops-hook"
PD_PASSWORD = "correct:horse battery staple"  # a colon inside the password is legitimate
PD_HASH = hash_credential(PD_PASSWORD)
PD_BODY = json.dumps(
    {
        "data": {"id": 42, "title": "Big deal", "status": "won"},
        "previous": {"status": "open"},
        "meta": {
            "action": "change",
            "entity": "deal",
            "entity_id": "42",
            "id": "0b4f0d43-0d6b-4c73-8b47-8d4f0a8d2f11",
            "version": "2.0",
        },
    }
).encode()


def _basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def test_pipedrive_good_credentials_are_accepted() -> None:
    delivery = verify_pipedrive(
        body=PD_BODY,
        headers=_basic(PD_USER, PD_PASSWORD),
        expected_user=PD_USER,
        password_hash=PD_HASH,
    )
    assert delivery.dedupe_key == "pipedrive:0b4f0d43-0d6b-4c73-8b47-8d4f0a8d2f11"
    assert (delivery.action, delivery.entity, delivery.entity_id) == ("change", "deal", "42")
    assert delivery.kind == "deal.change"
    assert delivery.payload["data"]["status"] == "won"


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        (_basic(PD_USER, "wrong"), "HTTP Basic credentials do not match"),
        (_basic("someone", PD_PASSWORD), "HTTP Basic credentials do not match"),
        ({}, "missing Authorization header"),
        ({"Authorization": "Bearer abc"}, "Authorization is not HTTP Basic"),
        ({"Authorization": "Basic !!notbase64"}, "malformed HTTP Basic credentials"),
        (
            {"Authorization": "Basic " + base64.b64encode(b"no-colon").decode()},
            "malformed HTTP Basic credentials",
        ),
    ],
)
def test_pipedrive_bad_credentials_are_refused(headers: dict[str, str], reason: str) -> None:
    with pytest.raises(SignatureRejected) as refused:
        verify_pipedrive(
            body=b"not even json",  # credentials come first: the body is not looked at
            headers=headers,
            expected_user=PD_USER,
            password_hash=PD_HASH,
        )
    assert refused.value.reason == reason
    assert PD_PASSWORD not in str(refused.value)


NEITHER = "meta has neither entity (webhooks v2) nor object (webhooks v1)"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"meta": {"action": "change"}}', NEITHER),
        (b'{"meta": {"id": "e1"}}', NEITHER),
        (b'{"meta": {"entity": "deal", "id": "e1"}}', "meta.action is missing"),
        (b'{"meta": {"entity": "", "action": "create", "id": "e1"}}', "meta.entity is missing"),
        (b'{"meta": {"v": 1, "action": "added"}}', "meta.object is missing"),
        # No record id anywhere: neither an event of a record nor one to deduplicate.
        (b'{"meta": {"entity": "deal", "action": "create"}}', "meta.entity_id is missing"),
        (b'{"meta": {"object": "deal", "action": "added"}, "current": null}', "meta.id is missing"),
        (
            json.dumps({"meta": {"entity": "d" * 41, "action": "create", "id": "e1"}}).encode(),
            "meta.entity is longer than 40 characters",
        ),
        (
            json.dumps({"meta": {"entity": "deal", "action": "create", "id": "e" * 101}}).encode(),
            "meta.id is longer than 100 characters",
        ),
        (b'{"data": {}}', "meta is missing"),
        (b"[]", "body is not a JSON object"),
        (b"{", "body is not valid JSON"),
    ],
)
def test_pipedrive_body_that_is_no_event_is_refused(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadRejected) as refused:
        verify_pipedrive(
            body=body,
            headers=_basic(PD_USER, PD_PASSWORD),
            expected_user=PD_USER,
            password_hash=PD_HASH,
        )
    assert refused.value.reason == reason


def _pd(payload: dict[str, Any]) -> PipedriveDelivery:
    return parse_pipedrive(json.dumps(payload).encode())


@pytest.mark.parametrize(
    ("name", "kind", "at"),
    [
        ("v2-deal-create", "deal.create", "2022-11-24T13:18:56.089+00:00"),
        ("v2-deal-change", "deal.change", "2022-11-24T15:11:55.724+00:00"),
        ("v2-deal-delete", "deal.delete", "2022-11-24T15:16:53.335+00:00"),
        ("v2-person-create", "person.create", "2022-11-24T13:18:55.665+00:00"),
        ("v2-person-change", "person.change", "2022-11-24T15:18:35.616+00:00"),
        ("v2-organization-change", "organization.change", "2022-11-24T15:21:23.152+00:00"),
    ],
)
def test_pipedrive_v2_events_are_known_by_their_event_id(name: str, kind: str, at: str) -> None:
    document = fixture("crm", "pipedrive", f"{name}.json")
    delivery = _pd(document)
    assert delivery.version == 2
    assert delivery.dedupe_key == f"pipedrive:{document['meta']['id']}"
    assert delivery.kind == kind
    assert delivery.entity_id == document["meta"]["entity_id"]
    assert delivery.occurred_at == datetime.fromisoformat(at)


def test_pipedrive_v2_events_whose_id_is_the_records_are_known_as_v1_ones() -> None:
    """The documented `user` events carry the user's id as `meta.id`: not an event id."""
    document = fixture("crm", "pipedrive", "v2-user-change.json")
    assert document["meta"]["id"] == document["meta"]["entity_id"]
    delivery = _pd(document)
    assert delivery.dedupe_key.startswith("pipedrive:v1:user:12415231:change:")
    assert delivery.occurred_at == datetime.fromtimestamp(1669304542, UTC)
    later = _pd({**document, "meta": {**document["meta"], "timestamp": 1669304600}})
    assert later.dedupe_key != delivery.dedupe_key


def test_pipedrive_v1_events_are_known_by_record_action_time_and_change() -> None:
    """v1's `meta.id` is the record's id: each event of one record needs an identity of its
    own, and a retry of one event the same one."""
    added = fixture("crm", "pipedrive", "v1-deal-added.json")
    won = fixture("crm", "pipedrive", "v1-deal-updated-won.json")
    person = fixture("crm", "pipedrive", "v1-person-added.json")
    assert added["meta"]["id"] == won["meta"]["id"] == person["meta"]["id"] == 701
    first, second, other = _pd(added), _pd(won), _pd(person)
    assert (first.version, first.kind, first.entity_id) == (1, "deal.added", "701")
    assert (second.kind, other.kind) == ("deal.updated", "person.added")
    assert re.fullmatch(r"pipedrive:v1:deal:701:added:[0-9a-f]{64}", first.dedupe_key)
    assert len({first.dedupe_key, second.dedupe_key, other.dedupe_key}) == 3
    assert first.occurred_at == datetime(2025, 2, 17, 18, 6, 3, 384700, tzinfo=UTC)
    # A retry (only `retry` differs) is the same event.
    assert _pd({**won, "retry": 2}).dedupe_key == second.dedupe_key
    # Anything else that identifies an event makes another one.
    meta = won["meta"]
    variants = [
        {**won, "meta": {**meta, "company_id": 1}},
        {**won, "meta": {**meta, "timestamp_micro": meta["timestamp_micro"] + 1}},
        {**won, "meta": {**meta, "action": "merged"}},
        {**won, "current": {**won["current"], "value": 1250.51}},
        {**won, "previous": {**won["previous"], "status": "lost"}},
    ]
    keys = {_pd(variant).dedupe_key for variant in variants}
    assert len(keys) == len(variants)
    assert second.dedupe_key not in keys
    # Without `timestamp_micro`, the time is `timestamp`'s second.
    seconds = {k: v for k, v in meta.items() if k != "timestamp_micro"}
    assert _pd({**won, "meta": seconds}).occurred_at == datetime(
        2025, 2, 17, 21, 22, 41, tzinfo=UTC
    )


def test_pipedrive_deleted_v1_record_takes_its_id_from_meta() -> None:
    deleted = _pd(fixture("crm", "pipedrive", "v1-person-deleted.json"))
    assert (deleted.kind, deleted.entity_id) == ("person.deleted", "701")


def test_secret_hash_round_trip() -> None:
    first, second = hash_credential("s3cret"), hash_credential("s3cret")
    assert first != second  # salted
    assert "s3cret" not in first
    assert first.startswith("scrypt$")
    assert credential_matches("s3cret", first)
    assert credential_matches("s3cret", second)
    assert not credential_matches("s3cret!", first)
    assert not credential_matches("", first)
    assert not credential_matches("s3cret", None)
    assert not credential_matches("s3cret", "")
    assert not credential_matches("s3cret", hashlib.sha256(b"s3cret").hexdigest())
    assert not credential_matches("s3cret", first.replace("scrypt$16384$", "scrypt$1048576$"))


# --- Salesforce -------------------------------------------------------------------------------

SF_ORG = "00D5e000000KQ2eEAG"
SF_URL_SECRET = "tok_3b1f8c2e9d7a4f60"
SF_URL_HASH = hash_credential(SF_URL_SECRET)

SF_MESSAGE = b"""<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>00D5e000000KQ2eEAG</OrganizationId>
   <ActionId>04k5e000000CaRkAAK</ActionId>
   <SessionId xsi:nil="true"/>
   <EnterpriseUrl>https://acme.my.salesforce.com/services/Soap/c/60.0/00D5e000000KQ2e</EnterpriseUrl>
   <PartnerUrl>https://acme.my.salesforce.com/services/Soap/u/60.0/00D5e000000KQ2e</PartnerUrl>
   <Notification>
    <Id>04l5e00000Gx7QzAAJ</Id>
    <sObject xsi:type="sf:Opportunity" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>0065e00000AbCdEAAZ</sf:Id>
     <sf:Name>Acme renewal</sf:Name>
     <sf:StageName>Closed Won</sf:StageName>
     <sf:CampaignId xsi:nil="true"/>
    </sObject>
   </Notification>
   <Notification>
    <Id>04l5e00000Gx7R0AAJ</Id>
    <sObject xsi:type="sf:Opportunity" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>0065e00000AbCdFAAZ</sf:Id>
     <sf:Name>Globex expansion</sf:Name>
     <sf:StageName>Closed Won</sf:StageName>
     <sf:CampaignId>7015e000000XyZaAAK</sf:CampaignId>
    </sObject>
   </Notification>
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>
"""


def _sf_envelope(notifications: str, org: str = SF_ORG) -> bytes:
    return (
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
        "<soapenv:Body>"
        '<notifications xmlns="http://soap.sforce.com/2005/09/outbound">'
        f"<OrganizationId>{org}</OrganizationId><ActionId>04k5e000000CaRkAAK</ActionId>"
        f"{notifications}</notifications></soapenv:Body></soapenv:Envelope>"
    ).encode()


def _sf_notification(n: int) -> str:
    return f"<Notification><Id>04l{n:015d}</Id><sObject><Id>006</Id></sObject></Notification>"


def test_salesforce_message_with_two_notifications_is_parsed() -> None:
    message = verify_salesforce(
        body=SF_MESSAGE,
        url_secret=SF_URL_SECRET,
        url_secret_hash=SF_URL_HASH,
        expected_organization_id=SF_ORG,
    )
    assert message.organization_id == SF_ORG
    assert message.action_id == "04k5e000000CaRkAAK"
    assert message.session_id is None
    assert message.partner_url == (
        "https://acme.my.salesforce.com/services/Soap/u/60.0/00D5e000000KQ2e"
    )
    assert [n.dedupe_key for n in message.notifications] == [
        "salesforce:00D5e000000KQ2eEAG:04l5e00000Gx7QzAAJ",
        "salesforce:00D5e000000KQ2eEAG:04l5e00000Gx7R0AAJ",
    ]
    first, second = message.notifications
    assert first.sobject_type == "Opportunity"
    assert first.record_id == "0065e00000AbCdEAAZ"
    assert first.fields == {
        "Id": "0065e00000AbCdEAAZ",
        "Name": "Acme renewal",
        "StageName": "Closed Won",
        "CampaignId": None,
    }
    assert second.fields["CampaignId"] == "7015e000000XyZaAAK"


def test_salesforce_session_id_is_kept_out_of_the_repr() -> None:
    body = SF_MESSAGE.replace(
        b'<SessionId xsi:nil="true"/>', b"<SessionId>00Dx!AQ4AQsecretsession</SessionId>"
    )
    message = parse_salesforce_notifications(body)
    assert message.session_id == "00Dx!AQ4AQsecretsession"
    assert "secretsession" not in repr(message)


def test_salesforce_fifteen_character_org_id_is_accepted() -> None:
    verify_salesforce(
        body=SF_MESSAGE,
        url_secret=SF_URL_SECRET,
        url_secret_hash=SF_URL_HASH,
        expected_organization_id=SF_ORG[:15],
    )


def test_salesforce_wrong_org_id_is_refused() -> None:
    with pytest.raises(SignatureRejected) as refused:
        verify_salesforce(
            body=SF_MESSAGE,
            url_secret=SF_URL_SECRET,
            url_secret_hash=SF_URL_HASH,
            expected_organization_id="00D5e000000KQ2fEAG",
        )
    assert refused.value.reason == "OrganizationId is not the connection's organization"


def test_salesforce_wrong_url_secret_is_refused_before_parsing() -> None:
    for body in (SF_MESSAGE, b"<not xml"):
        with pytest.raises(SignatureRejected) as refused:
            verify_salesforce(
                body=body,
                url_secret="tok_guess",
                url_secret_hash=SF_URL_HASH,
                expected_organization_id=SF_ORG,
            )
        assert refused.value.reason == "URL secret does not match"


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
<notifications xmlns="http://soap.sforce.com/2005/09/outbound">
<OrganizationId>&lol9;</OrganizationId><ActionId>04k5e000000CaRkAAK</ActionId>
</notifications></soapenv:Body></soapenv:Envelope>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body>
<notifications xmlns="http://soap.sforce.com/2005/09/outbound">
<OrganizationId>&xxe;</OrganizationId></notifications></soapenv:Body></soapenv:Envelope>
"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "external"])
def test_salesforce_entity_payloads_are_refused(body: bytes) -> None:
    with pytest.raises(PayloadRejected) as refused:
        verify_salesforce(
            body=body,
            url_secret=SF_URL_SECRET,
            url_secret_hash=SF_URL_HASH,
            expected_organization_id=SF_ORG,
        )
    assert refused.value.reason == "XML with a DTD or entity declarations is not accepted"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<not xml", "body is not well-formed XML"),
        (b"<Envelope/>", "body is not a SOAP 1.1 envelope"),
        (_sf_envelope(""), "no Notification element"),
        (
            _sf_envelope("".join(_sf_notification(n) for n in range(101))),
            "more than 100 notifications",
        ),
        (_sf_envelope(_sf_notification(1), org=""), "OrganizationId is missing"),
        (
            _sf_envelope("<Notification><sObject/></Notification>"),
            "notification 0: Id is missing",
        ),
        (
            _sf_envelope("<Notification><Id>04l1</Id></Notification>"),
            "notification 0: sObject is missing",
        ),
    ],
)
def test_salesforce_malformed_messages_are_refused(body: bytes, reason: str) -> None:
    with pytest.raises(PayloadRejected) as refused:
        parse_salesforce_notifications(body)
    assert refused.value.reason == reason


def test_salesforce_hundred_notifications_are_accepted() -> None:
    body = _sf_envelope("".join(_sf_notification(n) for n in range(100)))
    assert len(parse_salesforce_notifications(body).notifications) == 100


def test_salesforce_ack_is_exact() -> None:
    assert SALESFORCE_ACK == (
        b'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
        b"<soapenv:Body>"
        b'<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">'
        b"<Ack>true</Ack>"
        b"</notificationsResponse>"
        b"</soapenv:Body>"
        b"</soapenv:Envelope>"
    )


def test_pipedrive_longest_identity_fits_the_inbox() -> None:
    """Every part at its bound: the identity within the inbox's 300 characters."""
    meta = {"object": "o" * 40, "action": "a" * 40, "id": "9" * 100, "company_id": "c" * 500}
    delivery = _pd({"meta": meta, "current": None})
    assert len(delivery.dedupe_key) <= 300
    assert len(delivery.kind) <= 200


# --- vendor payloads (tests/fixtures/crm, see SOURCES.md) --------------------------------------

CRM_FIXTURES = FIXTURES / "crm"


def test_hubspots_documented_payload_and_its_generic_form_are_parsed() -> None:
    example = CRM_FIXTURES / "hubspot/webhooks_api_example.json"
    documented = parse_hubspot_events(example.read_bytes())
    assert [(e.subscription_type, e.object_id, e.object_type_id) for e in documented] == [
        ("contact.propertyChange", 1246965, None),
        ("contact.creation", 1246978, None),
    ]
    assert (documented[0].property_name, documented[0].property_value) == (
        "lifecyclestage",
        "subscriber",
    )
    generic = parse_hubspot_events(
        (CRM_FIXTURES / "hubspot/object_property_change_contact.json").read_bytes()
    )
    assert [(e.subscription_type, e.object_type_id) for e in generic] == [
        ("object.propertyChange", "0-1"),
        ("object.creation", "0-2"),
    ]
    wrong = b'[{"eventId": 1, "subscriptionType": "object.creation", "occurredAt": 1, '
    wrong += b'"portalId": 33, "objectTypeId": 1}]'
    with pytest.raises(PayloadRejected, match="objectTypeId has the wrong type"):
        parse_hubspot_events(wrong)


# HubSpot signs the URL it was given, as it was given: a host's case and an explicit port too.
REGISTERED = "https://Hooks.Example.COM:443/Mops/HubSpot?tenant=Acme"
NORMALISED = "https://hooks.example.com/Mops/HubSpot?tenant=Acme"


def test_hubspot_signature_over_the_url_as_registered_or_normalised_is_accepted() -> None:
    for signed_over in (REGISTERED, NORMALISED):
        signature = hubspot_v3_signature(HS_SECRET, "POST", signed_over, HS_BODY, HS_TIMESTAMP)
        headers = {
            "X-HubSpot-Signature-v3": signature,
            "X-HubSpot-Request-Timestamp": HS_TIMESTAMP,
        }
        verify_hubspot(
            method="POST",
            uri=(REGISTERED, NORMALISED),
            body=HS_BODY,
            headers=headers,
            client_secrets=[HS_SECRET],
            now=HS_NOW,
        )
        # Only the URL as registered given: a signature over another spelling is refused.
        if signed_over != REGISTERED:
            with pytest.raises(SignatureRejected):
                verify_hubspot(
                    method="POST",
                    uri=REGISTERED,
                    body=HS_BODY,
                    headers=headers,
                    client_secrets=[HS_SECRET],
                    now=HS_NOW,
                )
    # A path's case is the resource's: a signature over another path never matches either.
    other = hubspot_v3_signature(HS_SECRET, "POST", NORMALISED.lower(), HS_BODY, HS_TIMESTAMP)
    with pytest.raises(SignatureRejected):
        verify_hubspot(
            method="POST",
            uri=(REGISTERED, NORMALISED),
            body=HS_BODY,
            headers={"X-HubSpot-Signature-v3": other, "X-HubSpot-Request-Timestamp": HS_TIMESTAMP},
            client_secrets=[HS_SECRET],
            now=HS_NOW,
        )


# (15-character id, its 18-character form), published by converters of Salesforce's algorithm.
SALESFORCE_ID_PAIRS = [
    ("70130000001tcyI", "70130000001tcyIAAQ"),
    ("003G000001SUbc4", "003G000001SUbc4IAD"),
    ("a0D30000001n7Pi", "a0D30000001n7PiEAI"),
    ("00D5e000000KQ2e", "00D5e000000KQ2eEAG"),
]


@pytest.mark.parametrize(("short", "long"), SALESFORCE_ID_PAIRS)
def test_salesforce_15_and_18_character_ids_are_the_same_record(short: str, long: str) -> None:
    assert salesforce_id_suffix(short) == long[15:]
    assert salesforce_id_key(long) == short
    assert same_salesforce_id(short, long)
    assert same_salesforce_id(long, short)
    # The suffix is case-insensitive by design: the 18-character form survives upper-casing
    # of its suffix only (the first 15 characters are the id, case and all).
    assert same_salesforce_id(short, long[:15] + long[15:].lower())


def test_salesforce_ids_that_differ_in_case_or_checksum_are_not_the_same() -> None:
    # An old converter computed `EAC` for this id; Salesforce's suffix is `EAI`.
    assert not same_salesforce_id("a0D30000001n7Pi", "a0D30000001n7PiEAC")
    assert salesforce_id_key("a0D30000001n7PiEAC") is None
    # Case is part of a 15-character id: these are two records.
    assert not same_salesforce_id("a0D30000001n7Pi", "a0d30000001n7pi")
    assert not same_salesforce_id("a0D30000001n7PiEAI", "A0D30000001N7PIEAI")
    for not_an_id in ("", "a0D30000001n7P", "a0D30000001n7Pi-", "a0D30000001n7PiEA", "é" * 15):
        assert salesforce_id_key(not_an_id) is None
    with pytest.raises(ValueError, match="15 letters and digits"):
        salesforce_id_suffix("a0D30000001n7P")


def test_salesforce_message_from_an_18_character_org_passes_a_15_character_connection() -> None:
    body = (CRM_FIXTURES / "salesforce/opportunity_won.xml").read_bytes()
    token = "opaque-url-token"
    stored = hash_credential(token)
    for expected in ("00D5e000000KQ2e", "00D5e000000KQ2eEAG", "00D5e000000KQ2eeag"):
        message = verify_salesforce(
            body=body, url_secret=token, url_secret_hash=stored, expected_organization_id=expected
        )
        assert message.notifications[0].fields["CampaignId"] == "70130000001tcyIAAQ"
    for other in ("00D5e000000KQ2E", "00D5e000000KQ2eAAA", "00D5e000000KQ2f"):
        with pytest.raises(SignatureRejected, match="OrganizationId"):
            verify_salesforce(
                body=body, url_secret=token, url_secret_hash=stored, expected_organization_id=other
            )


def test_salesforce_fault_is_a_soap_11_client_fault_with_the_reason_escaped() -> None:
    fault = ElementTree.fromstring(salesforce_fault('URL secret <does not> match & "so"'))
    soap = "{http://schemas.xmlsoap.org/soap/envelope/}"
    assert fault.tag == f"{soap}Envelope"
    element = fault.find(f"{soap}Body/{soap}Fault")
    assert element is not None
    assert element.findtext("faultcode") == "soapenv:Client"
    assert element.findtext("faultstring") == 'URL secret <does not> match & "so"'
