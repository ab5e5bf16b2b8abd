"""What inbound events say about CRM records, and what the records' state makes of them."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta

from mops_webhooks.inbound import crm
from mops_webhooks.inbound.schemas import AttributionRule, Provider
from mops_webhooks.providers import hubspot
from tests.support import FIXTURES, fixture

AT = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
RULES = [
    AttributionRule(property="hs_analytics_source", equals="PAID_SEARCH", tool_name="Google Ads"),
    AttributionRule(property="utm_source", equals="linkedin", tool_name="LinkedIn Ads"),
    AttributionRule(property="hs_analytics_source", equals="paid_search", tool_name="Second"),
]


def test_hubspot_events_become_changes_of_contacts_and_deals() -> None:
    change = crm.change_of(
        Provider.hubspot,
        "deal.propertyChange",
        {"object_id": 9, "property_name": "dealstage", "property_value": "closedwon"},
        AT,
        AT + timedelta(minutes=1),
    )
    assert change == crm.CrmChange("deal", "9", AT, {"dealstage": "closedwon"})
    created = crm.change_of(Provider.hubspot, "contact.creation", {"object_id": 5}, AT, AT)
    assert created == crm.CrmChange("contact", "5", AT, {})
    company = crm.change_of(Provider.hubspot, "company.creation", {"object_id": 5}, AT, AT)
    assert company == crm.CrmChange("company", "5", AT, {})
    for kind in (
        "company.deletion",
        "contact.deletion",
        "contact.privacyDeletion",
        "ticket.creation",
    ):
        ignored = crm.change_of(Provider.hubspot, kind, {"object_id": 5}, AT, AT)
        assert ignored == crm.Ignored(f"no outcome comes from {kind} events")


def test_salesforce_notifications_take_their_time_from_the_record() -> None:
    fields = {"Id": "006A", "StageName": "Closed Won", "LastModifiedDate": "2026-11-19T08:30:00Z"}
    change = crm.change_of(Provider.salesforce, "Opportunity", {"fields": fields}, None, AT)
    assert isinstance(change, crm.CrmChange)
    assert (change.object_type, change.object_id) == ("deal", "006A")
    assert change.at == datetime(2026, 11, 19, 8, 30, tzinfo=UTC)
    lead = crm.change_of(Provider.salesforce, "Lead", {"fields": {"Id": "00Q1"}}, None, AT)
    assert lead == crm.CrmChange("contact", "00Q1", AT, {"Id": "00Q1"})
    assert isinstance(
        crm.change_of(Provider.salesforce, "Case", {"fields": {"Id": "500"}}, None, AT), crm.Ignored
    )


def test_pipedrive_v2_and_v1_payloads_and_custom_fields() -> None:
    v2 = {
        "meta": {"action": "change", "entity": "deal", "entity_id": "12", "timestamp": 1763540000},
        "data": {"status": "won", "value": 1500, "custom_fields": {"abc123": "Webinar"}},
    }
    change = crm.change_of(Provider.pipedrive, "deal.change", v2, None, AT)
    assert change == crm.CrmChange(
        "deal",
        "12",
        datetime.fromtimestamp(1763540000, UTC),
        {"status": "won", "value": "1500", "abc123": "Webinar"},
    )
    v1 = {"meta": {"action": "added", "object": "person"}, "current": {"id": 4, "name": "Ada"}}
    person = crm.change_of(Provider.pipedrive, None, v1, None, AT)
    assert person == crm.CrmChange("contact", "4", AT, {"id": "4", "name": "Ada"})
    deleted = {"meta": {"action": "delete", "entity": "deal", "entity_id": "12"}, "data": None}
    assert isinstance(crm.change_of(Provider.pipedrive, None, deleted, None, AT), crm.Ignored)


PD_ADDRESS = "3d0fa3429dfa2d3dec265b4fc5dc8258ab66cdf3"  # the documented deal's address field
PD_V1_SOURCE = "9dc80c5dbd3f9b5d8a0c7e3e4b6f1a2c3d4e5f60"


def _pipedrive(name: str) -> crm.CrmChange | crm.Ignored:
    return crm.change_of(Provider.pipedrive, None, fixture("crm", "pipedrive", name), None, AT)


def test_pipedrive_v2_custom_fields_read_as_v1_names_them() -> None:
    """Each documented v2 custom field payload: its value under its key, its parts beside."""
    custom = fixture("crm", "pipedrive", "v2-custom-fields.json")
    payload = {
        "meta": {"action": "change", "entity": "person", "entity_id": "3", "id": "e"},
        "data": {"id": 3, "custom_fields": custom},
    }
    change = crm.change_of(Provider.pipedrive, None, payload, None, AT)
    assert isinstance(change, crm.CrmChange)
    values = change.properties
    assert values["varchar"] == "This is a custom text field."
    assert values["varchar_auto"] == "Hello there"
    assert (values["double"], values["phone"], values["date"]) == ("123", "1234-5678", "2023-06-27")
    assert (values["monetary"], values["monetary_currency"]) == ("200", "EUR")
    assert (values["people"], values["org"], values["user"]) == ("17818", "1", "13075973")
    assert (values["time"], values["time_timezone_id"]) == ("00:45:00", "310")
    assert (values["timerange"], values["timerange_until"]) == ("00:00:00", "01:15:00")
    assert (values["daterange"], values["daterange_until"]) == ("2023-06-06", "2023-06-14")
    assert values["address"] == "Mustamäe tee 3a, Tallinn, Estonia"
    assert values["address_locality"] == "Tallinn"
    assert (values["enum"], values["set"]) == ("17", "13,14")
    assert not any(name.endswith("_type") for name in values)


def test_pipedrive_documented_v2_events_become_changes() -> None:
    change = _pipedrive("v2-deal-change.json")
    assert isinstance(change, crm.CrmChange)
    assert (change.object_type, change.object_id) == ("deal", "8")
    assert change.at == datetime(2022, 11, 24, 15, 11, 55, 724000, tzinfo=UTC)
    assert change.properties[PD_ADDRESS] == "Tallinn, Estonia"
    assert (change.properties["status"], change.properties["value"]) == ("open", "100")
    person = _pipedrive("v2-person-create.json")
    assert isinstance(person, crm.CrmChange)
    assert (person.object_type, person.object_id, person.properties["name"]) == (
        "contact",
        "8",
        "Sample",
    )
    organization = _pipedrive("v2-organization-change.json")
    assert isinstance(organization, crm.CrmChange)
    assert (organization.object_type, organization.object_id) == ("company", "1")
    assert organization.properties["bdd479c3cfdb9c50bae4fa4929ae944980da55d7"] == "978"
    for ignored in ("v2-deal-delete.json", "v2-user-change.json"):
        assert isinstance(_pipedrive(ignored), crm.Ignored), ignored


def test_pipedrive_v1_events_take_their_microsecond_time() -> None:
    change = _pipedrive("v1-deal-updated-won.json")
    assert isinstance(change, crm.CrmChange)
    assert (change.object_type, change.object_id) == ("deal", "701")
    assert change.at == datetime(2025, 2, 17, 21, 22, 41, 322662, tzinfo=UTC)
    assert change.properties[PD_V1_SOURCE] == "Webinar"
    # The time stored with the inbox row wins over the payload's.
    stored = crm.change_of(
        Provider.pipedrive, None, fixture("crm", "pipedrive", "v1-deal-added.json"), AT, AT
    )
    assert isinstance(stored, crm.CrmChange)
    assert stored.at == AT
    assert _pipedrive("v1-person-deleted.json") == crm.Ignored(
        "no outcome comes from person deleted events"
    )


def test_pipedrive_deals_won_in_v1_and_v2_are_revenue() -> None:
    """`status` `won` in v1's `current` and in v2's `data`, with `value` and `currency`."""
    rules = [
        AttributionRule(property=PD_ADDRESS, equals="tallinn, estonia", tool_name="Tallinn"),
        AttributionRule(property=PD_V1_SOURCE, equals="webinar", tool_name="Webinars"),
    ]
    expected = {
        "v2-deal-change-won.json": (10000, "Tallinn"),
        "v1-deal-updated-won.json": (125050, "Webinars"),
    }
    for name, (amount_minor, tool_name) in expected.items():
        change = _pipedrive(name)
        assert isinstance(change, crm.CrmChange)
        due = crm.due_outcome(
            Provider.pipedrive, crm.DEAL, change.object_id, change.properties, [], rules, "USD"
        )
        assert isinstance(due, crm.Due), name
        assert (due.kind, due.amount_minor, due.currency) == ("revenue", amount_minor, "EUR")
        assert due.rule.tool_name == tool_name
    for name in ("v2-deal-change.json", "v1-deal-added.json"):  # open deals
        change = _pipedrive(name)
        assert isinstance(change, crm.CrmChange)
        due = crm.due_outcome(
            Provider.pipedrive, crm.DEAL, change.object_id, change.properties, [], rules, "USD"
        )
        assert due == crm.Nothing(f"deal {change.object_id}: not won")


def test_generic_events_follow_the_documented_format() -> None:
    payload = {
        "type": "deal.updated",
        "timestamp": "2026-11-22T08:00:00+00:00",
        "data": {"id": "d-1", "properties": {"status": "won", "amount": "10.5", "flag": True}},
    }
    change = crm.change_of(Provider.generic, "deal.updated", payload, None, AT)
    assert change == crm.CrmChange(
        "deal",
        "d-1",
        datetime(2026, 11, 22, 8, tzinfo=UTC),
        {"status": "won", "amount": "10.5", "flag": "true"},
    )
    flat = {"type": "contact.created", "data": {"id": 3, "utm_source": "x"}}
    assert crm.change_of(Provider.generic, None, flat, None, AT) == crm.CrmChange(
        "contact", "3", AT, {"utm_source": "x"}
    )
    assert isinstance(crm.change_of(Provider.generic, None, [1, 2], None, AT), crm.Ignored)


def test_merging_never_lets_an_older_value_replace_a_newer_one() -> None:
    state: dict[str, object] = {}
    newer = crm.merge(state, crm.CrmChange("deal", "1", AT, {"dealstage": "closedlost"}))
    older = crm.merge(
        newer.properties,
        crm.CrmChange(
            "deal", "1", AT - timedelta(seconds=1), {"dealstage": "closedwon", "amount": "5"}
        ),
    )
    assert older.stale == ["dealstage"]
    assert crm.values_of(older.properties) == {"dealstage": "closedlost", "amount": "5"}
    same_time = crm.merge(
        older.properties, crm.CrmChange("deal", "1", AT, {"dealstage": "appointment"})
    )
    assert same_time.stale == []
    assert crm.values_of(same_time.properties)["dealstage"] == "appointment"


def test_a_contact_is_a_lead_once_for_the_first_rule_that_matches() -> None:
    due = crm.due_outcome(
        Provider.hubspot, "contact", "5", {"hs_analytics_source": "paid_search"}, [], RULES, "USD"
    )
    assert due == crm.Due("lead", RULES[0])
    already = crm.due_outcome(
        Provider.hubspot,
        "contact",
        "5",
        {"hs_analytics_source": "PAID_SEARCH"},
        ["lead"],
        RULES,
        "USD",
    )
    assert isinstance(already, crm.Nothing)
    unmapped = crm.due_outcome(
        Provider.hubspot, "contact", "5", {"hs_analytics_source": "DIRECT"}, [], RULES, "USD"
    )
    assert unmapped == crm.Unmapped(
        "contact 5: no attribution rule matches hs_analytics_source='DIRECT'"
    )
    unknown = crm.due_outcome(Provider.hubspot, "contact", "5", {"email": "a@b"}, [], RULES, "USD")
    assert isinstance(unknown, crm.Nothing)


def test_a_won_deal_with_an_amount_is_revenue_in_minor_units() -> None:
    won = {"dealstage": "closedwon", "amount": "1250.5", "utm_source": "LinkedIn"}
    due = crm.due_outcome(Provider.hubspot, "deal", "9", won, [], RULES, "EUR")
    assert due == crm.Due("revenue", RULES[1], 125050, "EUR")
    jpy = crm.due_outcome(
        Provider.hubspot,
        "deal",
        "9",
        won | {"deal_currency_code": "jpy", "amount": "1250"},
        [],
        RULES,
        "EUR",
    )
    assert jpy == crm.Due("revenue", RULES[1], 1250, "JPY")
    too_precise = crm.due_outcome(
        Provider.hubspot, "deal", "9", won | {"deal_currency_code": "JPY"}, [], RULES, "EUR"
    )
    assert isinstance(too_precise, crm.Unmapped)
    assert "decimals" in too_precise.reason
    bad_currency = crm.due_outcome(
        Provider.hubspot, "deal", "9", won | {"deal_currency_code": "XXQ"}, [], RULES, "EUR"
    )
    assert isinstance(bad_currency, crm.Unmapped)
    no_amount = crm.due_outcome(
        Provider.hubspot, "deal", "9", {"dealstage": "closedwon"}, [], RULES, "EUR"
    )
    assert no_amount == crm.Nothing("deal 9: won, its amount is not known yet")
    open_deal = crm.due_outcome(
        Provider.hubspot, "deal", "9", won | {"dealstage": "contractsent"}, [], RULES, "EUR"
    )
    assert open_deal == crm.Nothing("deal 9: not won")
    counted = crm.due_outcome(Provider.hubspot, "deal", "9", won, ["revenue"], RULES, "EUR")
    assert isinstance(counted, crm.Nothing)


def test_each_provider_says_won_its_own_way() -> None:
    rule = AttributionRule(property="src", equals="x", tool_name="T")
    cases = [
        (Provider.salesforce, {"IsWon": "true", "Amount": "10"}),
        (Provider.salesforce, {"StageName": "Closed Won", "Amount": "10"}),
        (Provider.pipedrive, {"status": "won", "value": "10"}),
        (Provider.generic, {"stage": "closed_won", "amount": "10"}),
    ]
    for provider, values in cases:
        due = crm.due_outcome(provider, "deal", "1", values | {"src": "x"}, [], [rule], "USD")
        assert due == crm.Due("revenue", rule, 1000, "USD"), provider
    lost = crm.due_outcome(
        Provider.salesforce,
        "deal",
        "1",
        {"IsWon": "false", "Amount": "10", "src": "x"},
        [],
        [rule],
        "USD",
    )
    assert isinstance(lost, crm.Nothing)


CRM_FIXTURES = FIXTURES / "crm"


def _stored(event: dict[str, object]) -> dict[str, object]:
    """A HubSpot event as the inbox stores it (the parsed event's fields)."""
    return {
        "object_id": event["objectId"],
        "property_name": event.get("propertyName"),
        "property_value": event.get("propertyValue"),
        "object_type_id": event.get("objectTypeId"),
    }


def test_hubspot_generic_object_events_map_by_their_object_type_id() -> None:
    contact, company = json.loads(
        (CRM_FIXTURES / "hubspot/object_property_change_contact.json").read_text()
    )
    change = crm.change_of(Provider.hubspot, "object.propertyChange", _stored(contact), AT, AT)
    assert change == crm.CrmChange("contact", "1246965", AT, {"hs_analytics_source": "PAID_SEARCH"})
    due = crm.due_outcome(
        Provider.hubspot, "contact", "1246965", change.properties, [], RULES, "EUR"
    )
    assert due == crm.Due("lead", RULES[0])
    deal = _stored(contact) | {"object_type_id": "0-3", "property_name": "amount"}
    assert crm.change_of(Provider.hubspot, "object.creation", deal, AT, AT) == crm.CrmChange(
        "deal", "1246965", AT, {}
    )
    assert crm.change_of(
        Provider.hubspot, "object.creation", _stored(company), AT, AT
    ) == crm.CrmChange("company", "5102", AT, {})
    ticket = _stored(company) | {"object_type_id": "0-5"}
    ignored = crm.change_of(Provider.hubspot, "object.creation", ticket, AT, AT)
    assert ignored == crm.Ignored(
        "no outcome comes from object.creation events of objectTypeId 0-5"
    )
    untyped = _stored(contact) | {"object_type_id": None}
    assert isinstance(
        crm.change_of(Provider.hubspot, "object.creation", untyped, AT, AT), crm.Ignored
    )
    deleted = crm.change_of(Provider.hubspot, "object.deletion", _stored(contact), AT, AT)
    assert deleted == crm.Ignored("no outcome comes from object.deletion events")


def test_hubspot_won_is_hs_is_closed_won_when_known_else_the_default_closedwon() -> None:
    rules = [AttributionRule(property="src", equals="ads", tool_name="Ads")]
    base = {"src": "ads", "amount": "10"}

    def due(values: dict[str, str]) -> object:
        return crm.due_outcome(Provider.hubspot, "deal", "7", base | values, [], rules, "EUR")

    # Another pipeline: its stages are numeric ids, only the calculated flag says "won".
    assert due({"dealstage": "93461828"}) == crm.Nothing("deal 7: not won")
    assert due({"dealstage": "93461828", "hs_is_closed_won": "true"}) == crm.Due(
        "revenue", rules[0], 1000, "EUR"
    )
    assert due({"dealstage": "93461828", "hs_is_closed_won": "True"}) == crm.Due(
        "revenue", rules[0], 1000, "EUR"
    )
    # The default pipeline without the flag subscribed: `closedwon` still says it.
    assert due({"dealstage": "closedwon"}) == crm.Due("revenue", rules[0], 1000, "EUR")
    # Once the flag is known it decides, whatever the stage's name.
    assert due({"dealstage": "closedwon", "hs_is_closed_won": "false"}) == crm.Nothing(
        "deal 7: not won"
    )


def test_a_salesforce_rule_with_a_15_character_id_matches_the_18_character_value() -> None:
    rules = [AttributionRule(property="CampaignId", equals="70130000001tcyI", tool_name="Webinars")]
    values = {"CampaignId": "70130000001tcyIAAQ"}
    assert crm.attribute(rules, values, Provider.salesforce) == rules[0]
    # And the other way round: a rule copied from the API, a value in its 15-character form.
    long_rule = [rules[0].model_copy(update={"equals": "70130000001tcyIAAQ"})]
    assert crm.attribute(long_rule, {"CampaignId": "70130000001tcyI"}, Provider.salesforce)
    # Another record (case differs in the 15 characters), or a wrong checksum: no match.
    assert crm.attribute(rules, {"CampaignId": "70130000001TCYIAAQ"}, Provider.salesforce) is None
    assert crm.attribute(rules, {"CampaignId": "70130000001tcyIAAA"}, Provider.salesforce) is None
    # Other providers compare text without case, as before.
    assert crm.attribute(rules, values, Provider.pipedrive) is None
    # Values that are not ids keep the comparison without case.
    words = [AttributionRule(property="LeadSource", equals="web", tool_name="Forms")]
    assert crm.attribute(words, {"LeadSource": "Web"}, Provider.salesforce) == words[0]


# --- associations ------------------------------------------------------------------------------

LATER = AT + timedelta(minutes=5)


def test_hubspot_association_events_link_deals_and_contacts_both_ways() -> None:
    # As the inbox stores them: the events as the provider module parses them.
    body = json.dumps(fixture("crm", "hubspot", "deal_contact_association.json")).encode()
    deal_side, contact_side, company = (
        dataclasses.asdict(e) for e in hubspot.parse_hubspot_events(body)
    )
    deal = crm.change_of(Provider.hubspot, "deal.associationChange", deal_side, None, AT)
    assert deal == crm.CrmChange(
        "deal", "7301", AT, links=(crm.Link("contact", "1246965", removed=False, primary=True),)
    )
    contact = crm.change_of(Provider.hubspot, "contact.associationChange", contact_side, None, AT)
    assert contact == crm.CrmChange("contact", "1246965", AT, links=(crm.Link("deal", "7301"),))
    unlinked = crm.change_of(Provider.hubspot, "deal.associationChange", company, None, AT)
    assert unlinked == crm.CrmChange(
        "deal", "7301", AT, links=(crm.Link("company", "5102", removed=True),)
    )
    # A contact's company attributes nothing: only a deal's links are kept.
    employer = company | {"association_type": "CONTACT_TO_COMPANY", "from_object_id": 1246965}
    ignored = crm.change_of(Provider.hubspot, "contact.associationChange", employer, None, AT)
    assert ignored == crm.Ignored(
        "no outcome comes from contact.associationChange events of CONTACT_TO_COMPANY"
    )
    generic = {
        "from_object_id": 7301,
        "to_object_id": 55,
        "from_object_type_id": "0-3",
        "to_object_type_id": "0-1",
        "association_removed": True,
    }
    removed = crm.change_of(Provider.hubspot, "object.associationChange", generic, None, AT)
    assert removed == crm.CrmChange("deal", "7301", AT, links=(crm.Link("contact", "55", True),))


def test_hubspot_company_events_and_their_associations_with_deals() -> None:
    body = json.dumps(fixture("crm", "hubspot", "company_deal_association.json")).encode()
    source, company_side, generic = (
        dataclasses.asdict(e) for e in hubspot.parse_hubspot_events(body)
    )
    changed = crm.change_of(Provider.hubspot, "company.propertyChange", source, None, AT)
    assert changed == crm.CrmChange("company", "5102", AT, {"hs_analytics_source": "PAID_SEARCH"})
    linked = crm.change_of(Provider.hubspot, "company.associationChange", company_side, None, AT)
    assert linked == crm.CrmChange("company", "5102", AT, links=(crm.Link("deal", "7301"),))
    primary = crm.change_of(Provider.hubspot, "object.associationChange", generic, None, AT)
    assert primary == crm.CrmChange(
        "deal", "7301", AT, links=(crm.Link("company", "5102", primary=True),)
    )


def test_pipedrive_deals_and_salesforce_opportunities_link_their_contact() -> None:
    v1 = pipedrive_payload("v1-deal-updated-won")
    change = crm.change_of(Provider.pipedrive, "deal.updated", v1, None, AT)
    assert isinstance(change, crm.CrmChange)
    assert change.links == (crm.Link("contact", "701", primary=True),)
    v2 = {
        "meta": {"action": "change", "entity": "deal", "entity_id": "12", "version": "2.0"},
        "data": {"status": "won", "person_id": 88, "org_id": None},
    }
    change = crm.change_of(Provider.pipedrive, "deal.change", v2, None, AT)
    assert isinstance(change, crm.CrmChange)
    assert change.links == (crm.Link("contact", "88", primary=True),)
    # Its organisation, an id (v2, v1) or, in older v1 payloads, an object with its value.
    for org in (5, {"value": 5, "name": "Sample Org"}):
        with_org = {**v2, "data": {"status": "won", "person_id": None, "org_id": org}}
        change = crm.change_of(Provider.pipedrive, "deal.change", with_org, None, AT)
        assert isinstance(change, crm.CrmChange)
        assert change.links == (crm.Link("company", "5", primary=True),)
    fields = {
        "Id": "006A",
        "IsWon": "true",
        "ContactId": "003G000001SUbc4IAD",
        "AccountId": "001G000001SUbc4IAD",
    }
    opportunity = crm.change_of(Provider.salesforce, "Opportunity", {"fields": fields}, None, AT)
    assert isinstance(opportunity, crm.CrmChange)
    assert opportunity.links == (
        crm.Link("contact", "003G000001SUbc4IAD", primary=True),
        crm.Link("company", "001G000001SUbc4IAD", primary=True),
    )
    account = {"Id": "001G000001SUbc4IAD", "AccountSource": "Partner Referral"}
    assert crm.change_of(
        Provider.salesforce, "Account", {"fields": account}, None, AT
    ) == crm.CrmChange("company", "001G000001SUbc4IAD", AT, account)
    converted = {"Id": "00Q1", "ConvertedOpportunityId": "006A"}
    lead = crm.change_of(Provider.salesforce, "Lead", {"fields": converted}, None, AT)
    assert isinstance(lead, crm.CrmChange)
    assert lead.links == (crm.Link("deal", "006A", primary=True),)


def pipedrive_payload(name: str) -> dict[str, object]:
    payload: dict[str, object] = fixture("crm", "pipedrive", f"{name}.json")
    return payload


def test_associations_merge_by_time_and_keep_the_primary_first() -> None:
    state, applied = crm.merge_links({}, [crm.Link("contact", "1"), crm.Link("contact", "2")], AT)
    assert len(applied) == 2
    state, _ = crm.merge_links(state, [crm.Link("contact", "3", primary=True)], LATER)
    assert crm.associated(state, "contact") == ["3", "1", "2"]
    # A removal, then an older addition delivered late: the association stays removed.
    state, applied = crm.merge_links(state, [crm.Link("contact", "1", removed=True)], LATER)
    assert applied
    state, applied = crm.merge_links(state, [crm.Link("contact", "1")], AT)
    assert applied == []
    assert crm.associated(state, "contact") == ["3", "2"]
    # The other side of an association does not say which is primary: it keeps what it was.
    state, _ = crm.merge_links(state, [crm.Link("contact", "3")], LATER, mirrored=True)
    assert crm.associated(state, "contact") == ["3", "2"]
    assert crm.associated(state, "deal") == []


WON = {"dealstage": "closedwon", "amount": "1250.50", "deal_currency_code": "GBP"}


def _deal(values: dict[str, str], contacts: list[crm.Associated]) -> object:
    return crm.due_outcome(Provider.hubspot, "deal", "7301", values, [], RULES, "USD", contacts)


def test_a_won_deal_is_attributed_through_its_contacts_primary_first() -> None:
    paid = crm.Associated("contact", "2", {"hs_analytics_source": "PAID_SEARCH"})
    linkedin = crm.Associated("contact", "1", {"utm_source": "LinkedIn"})
    due = _deal(WON, [linkedin, paid])
    assert isinstance(due, crm.Due)
    assert (due.rule.tool_name, due.amount_minor, due.currency, due.via) == (
        "LinkedIn Ads",
        125050,
        "GBP",
        ("contact", "1"),
    )
    # Its own properties come first.
    own = _deal(WON | {"hs_analytics_source": "PAID_SEARCH"}, [linkedin])
    assert isinstance(own, crm.Due)
    assert (own.rule.tool_name, own.via) == ("Google Ads", None)
    # Not won, or won without an amount: nothing yet, whatever the contacts say.
    assert isinstance(_deal({"amount": "5"}, [paid]), crm.Nothing)
    assert isinstance(_deal({"dealstage": "closedwon"}, [paid]), crm.Nothing)


def test_a_won_deal_nothing_attributes_is_unmapped_naming_what_is_missing() -> None:
    assert _deal(WON, []) == crm.Unmapped(
        "deal 7301: won, no attribution rule matches its own (none of the rules' properties"
        " is known); no associated contact or company known"
    )
    offline = crm.Associated("contact", "456", {"hs_analytics_source": "OFFLINE"})
    unknown = crm.Associated("contact", "457", None)
    assert _deal(WON | {"utm_source": "x"}, [offline, unknown]) == crm.Unmapped(
        "deal 7301: won, no attribution rule matches its own (utm_source='x') nor those of"
        " its associated records (contact 456: hs_analytics_source='OFFLINE'; contact 457:"
        " no event of it received yet)"
    )


def test_a_won_deal_its_contacts_do_not_attribute_is_attributed_through_its_company() -> None:
    offline = crm.Associated("contact", "456", {"hs_analytics_source": "OFFLINE"})
    company = crm.Associated("company", "5102", {"hs_analytics_source": "PAID_SEARCH"})
    due = _deal(WON, [offline, company])
    assert isinstance(due, crm.Due)
    assert (due.rule.tool_name, due.via) == ("Google Ads", ("company", "5102"))
    # A contact that attributes comes before any company.
    linkedin = crm.Associated("contact", "1", {"utm_source": "LinkedIn"})
    first = _deal(WON, [linkedin, company])
    assert isinstance(first, crm.Due)
    assert (first.rule.tool_name, first.via) == ("LinkedIn Ads", ("contact", "1"))
    # A company has no outcome of its own, whatever its properties.
    assert crm.due_outcome(
        Provider.hubspot,
        "company",
        "5102",
        {"hs_analytics_source": "PAID_SEARCH"},
        [],
        RULES,
        "USD",
    ) == crm.Nothing("company 5102: no outcome of its own; it attributes its deals")


def test_revenue_is_dated_when_the_deal_was_won() -> None:
    state = crm.merge({}, crm.CrmChange("deal", "1", AT, {"dealstage": "closedwon"})).properties
    state = crm.merge(state, crm.CrmChange("deal", "1", LATER, {"amount": "10"})).properties
    assert crm.won_at(Provider.hubspot, state) == AT
    assert crm.won_at(Provider.hubspot, {}) is None
    flagged = crm.merge(state, crm.CrmChange("deal", "1", LATER, {"hs_is_closed_won": "true"}))
    assert crm.won_at(Provider.hubspot, flagged.properties) == LATER
