"""Salesforce Outbound Messages: the organisation, the URL token and the SOAP notifications."""

from __future__ import annotations

import hmac
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml import ElementTree as SafeET

from mops_webhooks.providers.common import (
    SALESFORCE_MAX_NOTIFICATIONS,
    PayloadRejected,
    SignatureRejected,
    credential_matches,
)

# --- Salesforce Outbound Messages --------------------------------------------------------------

_SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
_SF_OUTBOUND = "http://soap.sforce.com/2005/09/outbound"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"

# The acknowledgement Salesforce expects; until it gets it, it keeps resending the message.
SALESFORCE_ACK: bytes = (
    b'<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
    b"<soapenv:Body>"
    b'<notificationsResponse xmlns="http://soap.sforce.com/2005/09/outbound">'
    b"<Ack>true</Ack>"
    b"</notificationsResponse>"
    b"</soapenv:Body>"
    b"</soapenv:Envelope>"
)


def salesforce_fault(reason: str) -> bytes:
    """A SOAP 1.1 Fault telling Salesforce why its message was refused (`soapenv:Client`: the
    message, or its credentials, are at fault, so resending it unchanged will not help).

    Salesforce expects a SOAP answer from an outbound-message listener: the acknowledgement,
    or a fault, which it records as the delivery's failure and retries.
    """
    return (
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">'
        "<soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode>"
        f"<faultstring>{escape(reason)}</faultstring>"
        "</soapenv:Fault></soapenv:Body></soapenv:Envelope>"
    ).encode()


@dataclass(frozen=True)
class SalesforceNotification:
    organization_id: str
    notification_id: str
    sobject_type: str | None
    fields: Mapping[str, str | None] = field(hash=False)

    @property
    def record_id(self) -> str | None:
        return self.fields.get("Id")

    @property
    def dedupe_key(self) -> str:
        return f"salesforce:{self.organization_id}:{self.notification_id}"


@dataclass(frozen=True)
class SalesforceMessage:
    organization_id: str
    action_id: str
    # A live API session of the sending user when the message is set to include one.
    session_id: str | None = field(repr=False)
    enterprise_url: str | None
    partner_url: str | None
    notifications: tuple[SalesforceNotification, ...]


def _outbound(name: str) -> str:
    return f"{{{_SF_OUTBOUND}}}{name}"


def _is_nil(element: ET.Element) -> bool:
    return element.get(f"{{{_XSI}}}nil") in ("true", "1")


def _child_text(parent: ET.Element, name: str) -> str | None:
    child = parent.find(_outbound(name))
    if child is None or _is_nil(child):
        return None
    return (child.text or "").strip() or None


def _local_name(tag: str) -> str:
    return tag.rpartition("}")[2]


def parse_salesforce_notifications(body: bytes) -> SalesforceMessage:
    """Parse a Salesforce Outbound Message (SOAP 1.1) without trusting it.

    DTDs are refused outright: SOAP forbids them, and they carry entity-expansion and external
    entity attacks.
    """
    try:
        root: ET.Element = SafeET.fromstring(body, forbid_dtd=True)
    except DefusedXmlException:
        raise PayloadRejected("XML with a DTD or entity declarations is not accepted") from None
    except ET.ParseError:
        raise PayloadRejected("body is not well-formed XML") from None
    if root.tag != f"{{{_SOAP_ENV}}}Envelope":
        raise PayloadRejected("body is not a SOAP 1.1 envelope")
    soap_body = root.find(f"{{{_SOAP_ENV}}}Body")
    notifications = None if soap_body is None else soap_body.find(_outbound("notifications"))
    if notifications is None:
        raise PayloadRejected("SOAP body holds no outbound-messaging notifications element")
    organization_id = _child_text(notifications, "OrganizationId")
    if organization_id is None:
        raise PayloadRejected("OrganizationId is missing")
    action_id = _child_text(notifications, "ActionId")
    if action_id is None:
        raise PayloadRejected("ActionId is missing")
    elements = notifications.findall(_outbound("Notification"))
    if not elements:
        raise PayloadRejected("no Notification element")
    if len(elements) > SALESFORCE_MAX_NOTIFICATIONS:
        raise PayloadRejected(f"more than {SALESFORCE_MAX_NOTIFICATIONS} notifications")
    parsed: list[SalesforceNotification] = []
    for index, element in enumerate(elements):
        notification_id = _child_text(element, "Id")
        if notification_id is None:
            raise PayloadRejected(f"notification {index}: Id is missing")
        sobject = element.find(_outbound("sObject"))
        if sobject is None:
            raise PayloadRejected(f"notification {index}: sObject is missing")
        declared_type = sobject.get(f"{{{_XSI}}}type")
        fields = {
            _local_name(child.tag): None if _is_nil(child) else (child.text or "")
            for child in sobject
        }
        parsed.append(
            SalesforceNotification(
                organization_id=organization_id,
                notification_id=notification_id,
                sobject_type=declared_type.rpartition(":")[2] if declared_type else None,
                fields=fields,
            )
        )
    return SalesforceMessage(
        organization_id=organization_id,
        action_id=action_id,
        session_id=_child_text(notifications, "SessionId"),
        enterprise_url=_child_text(notifications, "EnterpriseUrl"),
        partner_url=_child_text(notifications, "PartnerUrl"),
        notifications=tuple(parsed),
    )


# --- record ids: 15 and 18 characters ----------------------------------------------------------

# Salesforce's own alphabet for the 18-character suffix: a 5-bit value per character.
_SUFFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"


def _alphanumeric(text: str) -> bool:
    return text.isascii() and text.isalnum()


def salesforce_id_suffix(id15: str) -> str:
    """The 3 characters Salesforce appends to a 15-character id to make its 18-character form.

    Each character of the suffix encodes the case of 5 characters of the id: bit i (least
    significant first) is set when the i-th of those 5 is an upper-case letter; the 5-bit value
    indexes `A`..`Z`, `0`..`5`. The 18-character form is then safe for systems that ignore case.
    """
    if len(id15) != 15 or not _alphanumeric(id15):
        raise ValueError("a Salesforce id has 15 letters and digits before its suffix")
    suffix = ""
    for start in (0, 5, 10):
        bits = sum(1 << i for i, c in enumerate(id15[start : start + 5]) if "A" <= c <= "Z")
        suffix += _SUFFIX_ALPHABET[bits]
    return suffix


def salesforce_id_key(text: str) -> str | None:
    """The case-sensitive 15-character id `text` names, or None when it is not a Salesforce id.

    A 15-character id is its own key; an 18-character one is valid only when its last 3
    characters are the suffix of its first 15 (compared without case, as the suffix exists for
    systems that ignore case), and its key is then those 15.
    """
    if len(text) == 15 and _alphanumeric(text):
        return text
    if len(text) == 18 and _alphanumeric(text):
        head = text[:15]
        if text[15:].upper() == salesforce_id_suffix(head):
            return head
    return None


def same_salesforce_id(a: str, b: str) -> bool:
    """Whether `a` and `b` name the same record, each in its 15- or 18-character form.

    The first 15 characters compared case-sensitively (they are the id); an 18-character form
    whose suffix is not the checksum of its first 15 names nothing, and equals nothing.
    """
    key_a, key_b = salesforce_id_key(a), salesforce_id_key(b)
    return key_a is not None and key_a == key_b


def _same_organization(received: str, expected: str) -> bool:
    # Salesforce sends the 18-character id; Setup shows the 15-character one it extends. The
    # exact text still matches, so an organisation id stored as given keeps matching itself.
    return hmac.compare_digest(received.encode(), expected.encode()) or same_salesforce_id(
        received, expected
    )


def verify_salesforce(
    *,
    body: bytes,
    url_secret: str,
    url_secret_hash: str,
    expected_organization_id: str,
) -> SalesforceMessage:
    """Authenticate and parse a Salesforce Outbound Message.

    Outbound Messages carry no signature: the endpoint URL holds a secret token (passed in by
    the caller from the path or query; `url_secret_hash` is its stored form made by
    hash_credential), and the message must come from the connection's organization. The token is
    checked first, so XML from an unauthenticated sender is never parsed.
    """
    if not credential_matches(url_secret, url_secret_hash):
        raise SignatureRejected(URL_SECRET_DOES_NOT_MATCH)
    return organization_message(body, expected_organization_id)


URL_SECRET_DOES_NOT_MATCH = "URL secret does not match"


def organization_message(body: bytes, expected_organization_id: str) -> SalesforceMessage:
    """The Outbound Message, once its URL token is proven, if it comes from the connection's
    organization."""
    message = parse_salesforce_notifications(body)
    if not _same_organization(message.organization_id, expected_organization_id):
        raise SignatureRejected("OrganizationId is not the connection's organization")
    return message
