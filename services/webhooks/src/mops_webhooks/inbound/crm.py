"""What an inbound event says about a CRM record, and what the record's state makes of it.

Pure functions, no I/O: each provider's event becomes a `CrmChange` (which record, which
property values, as of when); changes merge into the record's state property by property,
never letting an older value replace a newer one; and the merged state says which outcome is
due: a `lead` for a contact whose source maps to a tool, `revenue` for a deal won with an
amount.

A deal is attributed as its CRM attributes it: by its own properties, else through the
contacts it is associated with (the primary one first), else through its companies (the
primary one first). An event may add or remove such associations (`Link`): HubSpot's
`*.associationChange` events, a Pipedrive deal's `person_id` and `org_id`, a Salesforce
Opportunity's `ContactId` and `AccountId` or a converted Lead's `ConvertedOpportunityId`. Each
record keeps its associations with the time each was last changed, so whichever arrives first
(the association or the property that attributes) the outcome is the same. Companies give no
outcome of their own: they attribute their deals.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from mops_shared.contracts.money import is_currency, parse_amount
from mops_webhooks.inbound.schemas import AttributionRule, Provider
from mops_webhooks.providers import pipedrive
from mops_webhooks.providers.salesforce import salesforce_id_key

CONTACT = "contact"
COMPANY = "company"
DEAL = "deal"
# The records a deal may be attributed through, in the order they are tried.
ATTRIBUTING = (CONTACT, COMPANY)


@dataclass(frozen=True)
class Link:
    """An association of the changed record with another one, added or removed; `primary` when
    the other record is the primary one of its type for the changed record."""

    object_type: str
    object_id: str
    removed: bool = False
    primary: bool = False


@dataclass(frozen=True)
class CrmChange:
    """What one event says: the record, its property values (as text), its associations
    added or removed, and when."""

    object_type: str
    object_id: str
    at: datetime
    properties: dict[str, str] = field(default_factory=dict)
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Ignored:
    """An event with nothing to record (a deletion, a company, ...), and why."""

    reason: str


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _timestamp(value: Any) -> datetime | None:
    """ISO 8601 text, or epoch seconds / milliseconds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 10**11 else value
        return datetime.fromtimestamp(seconds, UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _flat(values: Any) -> dict[str, str]:
    """Top-level scalar values, and those of a `custom_fields` object."""
    if not isinstance(values, dict):
        return {}
    flat = {k: t for k, v in values.items() if (t := _text(v)) is not None}
    custom = values.get("custom_fields")
    if isinstance(custom, dict):
        flat |= {k: t for k, v in custom.items() if (t := _text(v)) is not None}
    return flat


# Record types as each provider names them, mapped to the three mops knows.
_HUBSPOT_TYPES = {"contact": CONTACT, "company": COMPANY, "deal": DEAL}
# HubSpot's generic format (`object.creation`, `object.propertyChange`, ...) names the type by
# its objectTypeId: 0-1 contacts, 0-2 companies, 0-3 deals.
_HUBSPOT_TYPE_IDS = {"0-1": CONTACT, "0-2": COMPANY, "0-3": DEAL}
_SALESFORCE_TYPES = {"Lead": CONTACT, "Contact": CONTACT, "Account": COMPANY, "Opportunity": DEAL}
_PIPEDRIVE_TYPES = {"person": CONTACT, "organization": COMPANY, "deal": DEAL}
_GENERIC_TYPES = {"contact": CONTACT, "deal": DEAL}


def change_of(
    provider: Provider,
    kind: str | None,
    payload: Any,
    occurred_at: datetime | None,
    received_at: datetime,
) -> CrmChange | Ignored:
    """The change one stored inbox event describes, by its provider's format."""
    if provider == Provider.hubspot:
        return _hubspot(kind or "", payload, occurred_at or received_at)
    if provider == Provider.salesforce:
        return _salesforce(kind, payload, received_at)
    if provider == Provider.pipedrive:
        return _pipedrive(payload, occurred_at, received_at)
    return _generic(payload, received_at)


def _hubspot(kind: str, event: Mapping[str, Any], at: datetime) -> CrmChange | Ignored:
    # `contact.creation`, `contact.propertyChange`, `deal.propertyChange`, ..., and the generic
    # `object.creation`, `object.propertyChange` whose objectTypeId says contact or deal.
    prefix, _, action = kind.partition(".")
    if prefix == "object" and action != "associationChange":
        type_id = event.get("object_type_id")
        object_type = _HUBSPOT_TYPE_IDS.get(type_id) if isinstance(type_id, str) else None
        if object_type is None:
            shown = f"objectTypeId {type_id}" if isinstance(type_id, str) else "no objectTypeId"
            return Ignored(f"no outcome comes from {kind} events of {shown}")
    else:
        object_type = _HUBSPOT_TYPES.get(prefix)
    if action == "associationChange":
        return _hubspot_association(kind, event, at)
    if object_type is None or event.get("object_id") is None:
        return Ignored(f"no outcome comes from {kind or 'an untyped'} events")
    if action not in ("creation", "propertyChange"):
        return Ignored(f"no outcome comes from {kind} events")
    properties: dict[str, str] = {}
    name, value = event.get("property_name"), _text(event.get("property_value"))
    if action == "propertyChange" and name and value is not None:
        properties[name] = value
    return CrmChange(object_type, str(event["object_id"]), at, properties)


# `associationType` of classic events names both sides: `DEAL_TO_CONTACT`, `CONTACT_TO_DEAL`,
# `DEAL_TO_COMPANY`, ...; the generic format gives `fromObjectTypeId` / `toObjectTypeId`.
_HUBSPOT_ASSOCIATED = {"CONTACT": CONTACT, "COMPANY": COMPANY, "DEAL": DEAL}


def _hubspot_association(kind: str, event: Mapping[str, Any], at: datetime) -> CrmChange | Ignored:
    """An association added or removed between `fromObjectId` and `toObjectId`: a change of the
    `from` record that links it to the `to` record. Only a deal's associations with contacts
    and companies attribute anything; a contact's with its company does not."""
    from_id, to_id = event.get("from_object_id"), event.get("to_object_id")
    from_type_id, to_type_id = event.get("from_object_type_id"), event.get("to_object_type_id")
    if isinstance(from_type_id, str) and isinstance(to_type_id, str):
        from_type = _HUBSPOT_TYPE_IDS.get(from_type_id)
        to_type = _HUBSPOT_TYPE_IDS.get(to_type_id)
        shown = f"{from_type_id} to {to_type_id}"
    else:
        association = event.get("association_type")
        named = association if isinstance(association, str) else ""
        left, _, right = named.upper().partition("_TO_")
        from_type, to_type = _HUBSPOT_ASSOCIATED.get(left), _HUBSPOT_ASSOCIATED.get(right)
        shown = named or "an untyped association"
    if from_id is None or to_id is None:
        return Ignored(f"{kind}: no fromObjectId or toObjectId")
    if (
        from_type is None
        or to_type is None
        or from_type == to_type
        or DEAL not in (from_type, to_type)
    ):
        return Ignored(f"no outcome comes from {kind} events of {shown}")
    link = Link(
        to_type,
        str(to_id),
        removed=event.get("association_removed") is True,
        primary=event.get("is_primary_association") is True,
    )
    return CrmChange(from_type, str(from_id), at, links=(link,))


def _salesforce(
    sobject: str | None, payload: Mapping[str, Any], at: datetime
) -> CrmChange | Ignored:
    fields = payload.get("fields") if isinstance(payload, dict) else None
    object_type = _SALESFORCE_TYPES.get(sobject or "")
    if object_type is None or not isinstance(fields, dict) or not fields.get("Id"):
        return Ignored(f"no outcome comes from {sobject or 'untyped'} notifications")
    # A notification carries the record's fields as of its last change.
    modified = _timestamp(fields.get("LastModifiedDate")) or _timestamp(
        fields.get("SystemModstamp")
    )
    return CrmChange(
        object_type, str(fields["Id"]), modified or at, _flat(fields), _salesforce_links(fields)
    )


def _salesforce_links(fields: Mapping[str, Any]) -> tuple[Link, ...]:
    """An Opportunity's `ContactId` (its primary contact, API 46.0 and later) and `AccountId`
    (its account), and a converted Lead's `ConvertedOpportunityId`, when the outbound message
    carries them."""
    links: list[Link] = []
    contact = _text(fields.get("ContactId"))
    if contact:
        links.append(Link(CONTACT, contact, primary=True))
    account = _text(fields.get("AccountId"))
    if account:
        links.append(Link(COMPANY, account, primary=True))
    opportunity = _text(fields.get("ConvertedOpportunityId"))
    if opportunity:
        links.append(Link(DEAL, opportunity, primary=True))
    return tuple(links)


def _pipedrive(
    payload: Mapping[str, Any], occurred_at: datetime | None, at: datetime
) -> CrmChange | Ignored:
    """A v1 or v2 event (`providers.pipedrive` describes both): the record as of the event, its
    custom fields read as v1 names them, at the event's time."""
    meta = payload.get("meta") if isinstance(payload, dict) else None
    if not isinstance(meta, dict):
        return Ignored("no meta")
    version = pipedrive.version_of(meta) or 2
    entity = _text(meta.get("entity" if version == 2 else "object")) or ""
    action = _text(meta.get("action")) or ""
    object_type = _PIPEDRIVE_TYPES.get(entity)
    record = pipedrive.record_of(payload, version)
    record_id = _text(record.get("id")) if isinstance(record, dict) else None
    object_id = _text(meta.get("entity_id" if version == 2 else "id")) or record_id
    if object_type is None or action in ("delete", "deleted") or not object_id:
        return Ignored(f"no outcome comes from {entity or 'untyped'} {action or ''} events".strip())
    when = occurred_at or pipedrive.event_time(meta) or at
    links: list[Link] = []
    if object_type == DEAL and isinstance(record, dict):
        # v1 and v2 send the deal's person and organisation as ids (older v1 payloads as
        # `{"value": id, ...}`).
        for name, linked in (("person_id", CONTACT), ("org_id", COMPANY)):
            value = record.get(name)
            if isinstance(value, dict):
                value = value.get("value")
            linked_id = _text(value)
            if linked_id:
                links.append(Link(linked, linked_id, primary=True))
    return CrmChange(object_type, object_id, when, _pipedrive_fields(record), tuple(links))


def _pipedrive_fields(record: Any) -> dict[str, str]:
    """The record's scalar fields, and its custom fields (keyed by their 40-character hash).

    v1 sends a custom field's value under its key, its parts under `<key>_<part>` (a monetary
    field's `<key>_currency`, a range's `<key>_until`, ...). v2 sends each in `custom_fields` as
    an object: `{"type": "varchar", "value": "..."}`, `{"type": "monetary", "value": 200,
    "currency": "EUR"}`, `{"type": "enum", "id": 17}`, `{"type": "set", "values": [{"id": 13}]}`,
    `{"type": "daterange", "from": ..., "until": ...}`. Read as v1 names them, a rule on a custom
    field matches whichever version the webhook is: `value` (else the option's or the linked
    record's `id`, the options' ids joined by commas, or a range's `from`) under the key, the
    other parts under `<key>_<part>`."""
    if not isinstance(record, dict):
        return {}
    flat = {k: t for k, v in record.items() if (t := _text(v)) is not None}
    custom = record.get("custom_fields")
    if isinstance(custom, dict):
        for key, entry in custom.items():
            flat |= _pipedrive_custom(key, entry)
    return flat


def _pipedrive_custom(key: str, entry: Any) -> dict[str, str]:
    if not isinstance(entry, dict):  # a plain value, as v1 sends it
        text = _text(entry)
        return {key: text} if text is not None else {}
    values = entry.get("values")
    main: Any = None
    for name in ("value", "id", "from"):
        if entry.get(name) is not None:
            main = entry[name]
            break
    if main is None and isinstance(values, list):
        ids = [_text(v.get("id")) for v in values if isinstance(v, dict)]
        main = ",".join(i for i in ids if i is not None)
    fields = {
        f"{key}_{name}": text
        for name, value in entry.items()
        if name not in ("type", "value", "id", "from", "values")
        and (text := _text(value)) is not None
    }
    text = _text(main)
    return fields | ({key: text} if text is not None else {})


def _generic(payload: Any, at: datetime) -> CrmChange | Ignored:
    """mops's own format for any CRM: `{"type": "contact.created" | "deal.updated" | ...,
    "timestamp": ISO, "data": {"id": ..., "properties": {...}}}`."""
    if not isinstance(payload, dict):
        return Ignored("not a JSON object")
    kind = _text(payload.get("type")) or ""
    prefix, _, action = kind.partition(".")
    object_type = _GENERIC_TYPES.get(prefix)
    data = payload.get("data")
    if object_type is None or not isinstance(data, dict) or _text(data.get("id")) is None:
        return Ignored(f"no outcome comes from {kind or 'untyped'} events")
    if action == "deleted":
        return Ignored(f"no outcome comes from {kind} events")
    properties = _flat(data.get("properties")) if "properties" in data else _flat(data)
    properties.pop("id", None)
    when = _timestamp(payload.get("timestamp")) or at
    return CrmChange(object_type, str(data["id"]), when, properties)


# --- state -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Merged:
    properties: dict[str, Any]  # {name: {"value": text, "at": ISO}}
    stale: list[str]  # names this change did not apply: the state has newer values


def merge(state: Mapping[str, Any], change: CrmChange) -> Merged:
    """The state with the change applied, property by property, unless the state's value is
    newer than the change (then it stays, and the name is reported stale)."""
    merged = dict(state)
    stale: list[str] = []
    for name, value in change.properties.items():
        current = merged.get(name)
        current_at = _timestamp(current.get("at")) if isinstance(current, dict) else None
        if current_at is not None and current_at > change.at:
            stale.append(name)
            continue
        merged[name] = {"value": value, "at": change.at.isoformat()}
    return Merged(merged, stale)


def link_key(object_type: str, object_id: str) -> str:
    return f"{object_type}:{object_id}"


def merge_links(
    state: Mapping[str, Any], links: Sequence[Link], at: datetime, *, mirrored: bool = False
) -> tuple[dict[str, Any], list[Link]]:
    """The record's associations (`{"<type>:<id>": {"type", "id", "primary", "removed", "at"}}`)
    with the links applied, each unless the state's entry is newer; and the links applied. A
    removal is kept (as `removed`), so an older addition arriving after it does not revive it;
    a primary link makes the record's other links of its type not primary. `mirrored`: the links
    are the other side of links of other records, which say nothing of this record's primary
    one (an entry keeps whether it is)."""
    merged = {key: dict(entry) for key, entry in state.items() if isinstance(entry, dict)}
    applied: list[Link] = []
    for link in links:
        key = link_key(link.object_type, link.object_id)
        current = merged.get(key)
        current_at = _timestamp(current.get("at")) if current else None
        if current_at is not None and current_at > at:
            continue
        primary = link.primary and not link.removed
        if mirrored:
            primary = bool(current and current.get("primary")) and not link.removed
        elif primary:
            for entry in merged.values():
                if entry.get("type") == link.object_type:
                    entry["primary"] = False
        merged[key] = {
            "type": link.object_type,
            "id": link.object_id,
            "primary": primary,
            "removed": link.removed,
            "at": at.isoformat(),
        }
        applied.append(link)
    return merged, applied


def associated(state: Mapping[str, Any], object_type: str) -> list[str]:
    """The ids of the record's current associations of a type: the primary one first, then in
    the order they were made."""
    entries = [
        entry
        for entry in state.values()
        if isinstance(entry, dict) and entry.get("type") == object_type and not entry.get("removed")
    ]
    entries.sort(key=lambda e: (not e.get("primary"), str(e.get("at")), str(e.get("id"))))
    return [str(e["id"]) for e in entries]


def values_of(properties: Mapping[str, Any]) -> dict[str, str]:
    return {
        name: str(entry["value"])
        for name, entry in properties.items()
        if isinstance(entry, dict) and entry.get("value") is not None
    }


# --- what is due -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DealFields:
    """Where each provider keeps a deal's stage, amount and currency."""

    won: tuple[tuple[str, frozenset[str]], ...]  # any (property, values) that means "won"
    amount: str
    currency: str
    # A yes/no property that, once known, alone says whether the deal is won (`won` then only
    # serves while it is unknown).
    won_flag: str | None = None

    def is_won(self, values: Mapping[str, str]) -> bool:
        if self.won_flag is not None and self.won_flag in values:
            return values[self.won_flag].casefold() == "true"
        return any(values.get(name, "").casefold() in wanted for name, wanted in self.won)


DEAL_FIELDS = {
    # `closedwon` is a stage of the default pipeline only; other pipelines' stages are numeric
    # ids, and HubSpot's calculated `hs_is_closed_won` says whether the deal's stage is won.
    Provider.hubspot: DealFields(
        (("dealstage", frozenset({"closedwon"})),),
        "amount",
        "deal_currency_code",
        won_flag="hs_is_closed_won",
    ),
    Provider.salesforce: DealFields(
        (("IsWon", frozenset({"true"})), ("StageName", frozenset({"closed won"}))),
        "Amount",
        "CurrencyIsoCode",
    ),
    Provider.pipedrive: DealFields((("status", frozenset({"won"})),), "value", "currency"),
    Provider.generic: DealFields(
        (("status", frozenset({"won"})), ("stage", frozenset({"won", "closed_won"}))),
        "amount",
        "currency",
    ),
}


@dataclass(frozen=True)
class Due:
    """An outcome to record: its kind, the rule that names the tool, and for revenue the
    amount in minor units."""

    kind: str
    rule: AttributionRule
    amount_minor: int | None = None
    currency: str | None = None
    # The associated record whose properties the rule matched, when not the record's own.
    via: tuple[str, str] | None = None


@dataclass(frozen=True)
class Associated:
    """A record associated with the one evaluated, with its merged property values (None when
    no event of it has been received)."""

    object_type: str
    object_id: str
    values: Mapping[str, str] | None


@dataclass(frozen=True)
class Unmapped:
    reason: str


@dataclass(frozen=True)
class Nothing:
    reason: str


def _same_value(provider: Provider | None, value: str, wanted: str) -> bool:
    """Whether a property's value is the one a rule names: compared without case, except
    Salesforce record ids when either side is an 18-character one: the same record whichever
    form each side has (the 15-character one case-sensitive, as it is in Salesforce)."""
    if provider == Provider.salesforce and 18 in (len(value), len(wanted)):
        value_key, wanted_key = salesforce_id_key(value), salesforce_id_key(wanted)
        if value_key is not None and wanted_key is not None:
            return value_key == wanted_key
    return value.casefold() == wanted.casefold()


def attribute(
    rules: Sequence[AttributionRule],
    values: Mapping[str, str],
    provider: Provider | None = None,
) -> AttributionRule | None:
    """The first rule whose property has its value (compared without case; Salesforce ids as
    ids, see `_same_value`)."""
    for rule in rules:
        value = values.get(rule.property)
        if value is not None and _same_value(provider, value, rule.equals):
            return rule
    return None


def _unattributed(
    rules: Sequence[AttributionRule], values: Mapping[str, str], what: str
) -> Unmapped | Nothing:
    known = sorted({r.property for r in rules if r.property in values})
    if not known:
        return Nothing(f"{what}: none of the rules' properties is known yet")
    shown = ", ".join(f"{name}={values[name]!r}" for name in known)
    return Unmapped(f"{what}: no attribution rule matches {shown}")


def _known(rules: Sequence[AttributionRule], values: Mapping[str, str]) -> str:
    known = sorted({r.property for r in rules if r.property in values})
    if not known:
        return "none of the rules' properties is known"
    return ", ".join(f"{name}={values[name]!r}" for name in known)


def _deal_unattributed(
    rules: Sequence[AttributionRule],
    values: Mapping[str, str],
    what: str,
    associated: Sequence[Associated],
) -> Unmapped:
    """Why a won deal is not attributed, naming what each record it could be attributed
    through is missing."""
    own = f"its own ({_known(rules, values)})"
    if not associated:
        return Unmapped(
            f"{what}: won, no attribution rule matches {own}; "
            "no associated contact or company known"
        )
    shown = "; ".join(
        f"{a.object_type} {a.object_id}: "
        + (_known(rules, a.values) if a.values is not None else "no event of it received yet")
        for a in associated
    )
    return Unmapped(
        f"{what}: won, no attribution rule matches {own} nor those of its associated "
        f"records ({shown})"
    )


def due_outcome(
    provider: Provider,
    object_type: str,
    object_id: str,
    values: Mapping[str, str],
    recorded: Sequence[str],
    rules: Sequence[AttributionRule],
    default_currency: str,
    associated: Sequence[Associated] = (),
) -> Due | Unmapped | Nothing:
    """What the record's state calls for now: an outcome not yet recorded for it, an event that
    no rule attributes (unmapped), or nothing. A deal no rule attributes by its own properties
    is attributed through its `associated` records (in the order given: contacts then
    companies, the primary one of each first); a won deal with an amount that none attributes
    is unmapped, whatever is known yet, so that a replay after a new rule records it. A
    company gives no outcome of its own."""
    if object_type == COMPANY:
        return Nothing(f"company {object_id}: no outcome of its own; it attributes its deals")
    if object_type == CONTACT:
        what = f"contact {object_id}"
        if "lead" in recorded:
            return Nothing(f"{what}: its lead is already recorded")
        rule = attribute(rules, values, provider)
        return Due("lead", rule) if rule else _unattributed(rules, values, what)
    what = f"deal {object_id}"
    fields = DEAL_FIELDS[provider]
    if not fields.is_won(values):
        return Nothing(f"{what}: not won")
    if "revenue" in recorded:
        return Nothing(f"{what}: its revenue is already recorded")
    amount = values.get(fields.amount)
    if not amount:
        return Nothing(f"{what}: won, its amount is not known yet")
    currency = (values.get(fields.currency) or default_currency).upper()
    if not is_currency(currency):
        return Unmapped(f"{what}: {currency!r} is not an ISO 4217 currency")
    try:
        amount_minor = parse_amount(amount, currency)
    except ValueError as exc:
        return Unmapped(f"{what}: amount {amount!r}: {exc}")
    rule = attribute(rules, values, provider)
    if rule is not None:
        return Due("revenue", rule, amount_minor, currency)
    for record in associated:
        if record.values is None:
            continue
        rule = attribute(rules, record.values, provider)
        if rule is not None:
            via = (record.object_type, record.object_id)
            return Due("revenue", rule, amount_minor, currency, via=via)
    return _deal_unattributed(rules, values, what, associated)


def won_at(provider: Provider, properties: Mapping[str, Any]) -> datetime | None:
    """When the deal's state last said it is won: the time of the property that says so."""
    fields = DEAL_FIELDS[provider]
    values = values_of(properties)
    names = [fields.won_flag] if fields.won_flag in values else []
    names += [n for n, wanted in fields.won if values.get(n, "").casefold() in wanted]
    for name in names:
        entry = properties.get(name)
        if isinstance(entry, dict):
            return _timestamp(entry.get("at"))
    return None
