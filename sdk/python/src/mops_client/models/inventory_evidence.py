from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.unit_evidence import UnitEvidence


T = TypeVar("T", bound="InventoryEvidence")


@_attrs_define
class InventoryEvidence:
    """The tenant's inventory in figures, for the scoring service's evidence signals.

    Attributes:
        as_of (datetime.datetime): When the figures were computed (UTC).
        currency (None | str): The currency of every money figure: the one asked for, else the currency in which the
            most active tools have a contract (ties: alphabetical order); `null` when none was asked for and no active tool
            has a contract.
        active_tools (int): Tools with status `active`.
        annual_spend_minor (int): The active tools' annual cost in `currency`, minor units. A tool's annual cost is the
            spend report's: the sum of `annual_cost` over all its contracts, in `currency` only.
        tools_costed_in_other_currencies (int): Active tools with at least one contract in a currency other than
            `currency`; their amounts in other currencies are in no money figure. A tool with contracts in `currency` too is
            counted here and its `currency` part is in the money.
        tools_without_cost (int): Active tools with no contract at all.
        by_owner_unit (list[UnitEvidence]): Per org unit named as owner of active tools, by `unit_id`. Tools whose owner
            rows name no unit are in none of these rows.
        unowned_tools (int): Active tools with no owner row at all.
        duplicated_capabilities (int): Capabilities held by two or more active tools.
        redundant_spend_minor (int): The annual cost in `currency` of the active tools beyond the cheapest one in each
            capability: in every capability, the active tools with a cost in `currency` are ranked cheapest first (ties: by
            tool id); a tool is kept when it comes first in at least one of its capabilities, and redundant spend is the
            cost of the tools kept in none, each tool counted once. With one capability per tool it is, over the duplicated
            capabilities, their tools' cost minus their cheapest tool's. Never above `annual_spend_minor`.
        has_customer_data_platform (bool): Whether an active tool has the capability "Customer data platform" (compared
            without case): the core of the integration-coverage report.
        personal_data_tools (int): Active tools with `processes_personal_data` true.
        personal_data_tools_integrated_with_cdp (int): Of those, the ones with an integration of status `active`, in
            either direction, with an active customer-data platform tool; a customer-data platform that processes personal
            data counts itself.
        integrated_tools (int): Active tools with at least one integration of status `active`, in either direction, with
            another active tool.
        citizen_tools (int): Active tools with a citizen-development capability: a capability whose name contains one of
            "low-code", "low code", "no-code", "no code", "apaas", "cms", "content management", "integration platform",
            "ipaas" (compared without case).
        citizen_seats_used (int): Over those tools, the seats active of each tool's latest licence-usage row (the
            adoption report's figure; none counts 0).
        citizen_seats_paid (int): Over those tools, the seats purchased over their contracts (the adoption report's
            figure; none stated counts 0).
        added_last_12_months (int): Tools, whatever their status now, that came into use in the last 365 days (since
            00:00 UTC on the day 364 days before `as_of`'s date, up to `as_of`'s date): by their `in_use_since`, else by the
            earliest `term_start` of their contracts. Never by the day a tool was recorded: an import records a whole stack
            in one day.
        retired_last_12_months (int): Tools retired now whose status history records a change from another status to
            `retired` in the last 365 days (since 00:00 UTC on the day 364 days before `as_of`'s date): a tool recorded as
            retired from the start is not a retirement seen.
        measured_spend_minor (int): The annual cost in `currency` of the active tools with at least one outcome (of any
            kind) that occurred in the last 365 days: since 00:00 UTC on the day 364 days before `as_of`'s date, up to the
            end of `as_of`'s date (the returns report's default period). A tool's annual cost is the spend report's: the sum
            of `annual_cost` over all its contracts, in `currency` only.
        capabilities_held (int | Unset): Capabilities held by at least one active tool. Default: 0.
        redundant_spend_beyond_main_minor (int | Unset): As `redundant_spend_minor`, but the tools of a capability
            ranked most expensive first (ties: by name, then id), as the redundancy report ranks them: the cost of
            consolidating onto the main platform of each capability, a suite one pays most for being kept, not counted as
            waste. Default: 0.
        active_tools_undated (int | Unset): Active tools with no date they came into use (no `in_use_since`, no contract
            with a `term_start`): `added_last_12_months` cannot count them. Default: 0.
    """

    as_of: datetime.datetime
    currency: None | str
    active_tools: int
    annual_spend_minor: int
    tools_costed_in_other_currencies: int
    tools_without_cost: int
    by_owner_unit: list[UnitEvidence]
    unowned_tools: int
    duplicated_capabilities: int
    redundant_spend_minor: int
    has_customer_data_platform: bool
    personal_data_tools: int
    personal_data_tools_integrated_with_cdp: int
    integrated_tools: int
    citizen_tools: int
    citizen_seats_used: int
    citizen_seats_paid: int
    added_last_12_months: int
    retired_last_12_months: int
    measured_spend_minor: int
    capabilities_held: int | Unset = 0
    redundant_spend_beyond_main_minor: int | Unset = 0
    active_tools_undated: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        currency: None | str
        currency = self.currency

        active_tools = self.active_tools

        annual_spend_minor = self.annual_spend_minor

        tools_costed_in_other_currencies = self.tools_costed_in_other_currencies

        tools_without_cost = self.tools_without_cost

        by_owner_unit = []
        for by_owner_unit_item_data in self.by_owner_unit:
            by_owner_unit_item = by_owner_unit_item_data.to_dict()
            by_owner_unit.append(by_owner_unit_item)

        unowned_tools = self.unowned_tools

        duplicated_capabilities = self.duplicated_capabilities

        redundant_spend_minor = self.redundant_spend_minor

        has_customer_data_platform = self.has_customer_data_platform

        personal_data_tools = self.personal_data_tools

        personal_data_tools_integrated_with_cdp = self.personal_data_tools_integrated_with_cdp

        integrated_tools = self.integrated_tools

        citizen_tools = self.citizen_tools

        citizen_seats_used = self.citizen_seats_used

        citizen_seats_paid = self.citizen_seats_paid

        added_last_12_months = self.added_last_12_months

        retired_last_12_months = self.retired_last_12_months

        measured_spend_minor = self.measured_spend_minor

        capabilities_held = self.capabilities_held

        redundant_spend_beyond_main_minor = self.redundant_spend_beyond_main_minor

        active_tools_undated = self.active_tools_undated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "currency": currency,
                "active_tools": active_tools,
                "annual_spend_minor": annual_spend_minor,
                "tools_costed_in_other_currencies": tools_costed_in_other_currencies,
                "tools_without_cost": tools_without_cost,
                "by_owner_unit": by_owner_unit,
                "unowned_tools": unowned_tools,
                "duplicated_capabilities": duplicated_capabilities,
                "redundant_spend_minor": redundant_spend_minor,
                "has_customer_data_platform": has_customer_data_platform,
                "personal_data_tools": personal_data_tools,
                "personal_data_tools_integrated_with_cdp": personal_data_tools_integrated_with_cdp,
                "integrated_tools": integrated_tools,
                "citizen_tools": citizen_tools,
                "citizen_seats_used": citizen_seats_used,
                "citizen_seats_paid": citizen_seats_paid,
                "added_last_12_months": added_last_12_months,
                "retired_last_12_months": retired_last_12_months,
                "measured_spend_minor": measured_spend_minor,
            }
        )
        if capabilities_held is not UNSET:
            field_dict["capabilities_held"] = capabilities_held
        if redundant_spend_beyond_main_minor is not UNSET:
            field_dict["redundant_spend_beyond_main_minor"] = redundant_spend_beyond_main_minor
        if active_tools_undated is not UNSET:
            field_dict["active_tools_undated"] = active_tools_undated

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.unit_evidence import UnitEvidence  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        def _parse_currency(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        currency = _parse_currency(d.pop("currency"))

        active_tools = d.pop("active_tools")

        annual_spend_minor = d.pop("annual_spend_minor")

        tools_costed_in_other_currencies = d.pop("tools_costed_in_other_currencies")

        tools_without_cost = d.pop("tools_without_cost")

        by_owner_unit = []
        _by_owner_unit = d.pop("by_owner_unit")
        for by_owner_unit_item_data in _by_owner_unit:
            by_owner_unit_item = UnitEvidence.from_dict(by_owner_unit_item_data)

            by_owner_unit.append(by_owner_unit_item)

        unowned_tools = d.pop("unowned_tools")

        duplicated_capabilities = d.pop("duplicated_capabilities")

        redundant_spend_minor = d.pop("redundant_spend_minor")

        has_customer_data_platform = d.pop("has_customer_data_platform")

        personal_data_tools = d.pop("personal_data_tools")

        personal_data_tools_integrated_with_cdp = d.pop("personal_data_tools_integrated_with_cdp")

        integrated_tools = d.pop("integrated_tools")

        citizen_tools = d.pop("citizen_tools")

        citizen_seats_used = d.pop("citizen_seats_used")

        citizen_seats_paid = d.pop("citizen_seats_paid")

        added_last_12_months = d.pop("added_last_12_months")

        retired_last_12_months = d.pop("retired_last_12_months")

        measured_spend_minor = d.pop("measured_spend_minor")

        capabilities_held = d.pop("capabilities_held", UNSET)

        redundant_spend_beyond_main_minor = d.pop("redundant_spend_beyond_main_minor", UNSET)

        active_tools_undated = d.pop("active_tools_undated", UNSET)

        inventory_evidence = cls(
            as_of=as_of,
            currency=currency,
            active_tools=active_tools,
            annual_spend_minor=annual_spend_minor,
            tools_costed_in_other_currencies=tools_costed_in_other_currencies,
            tools_without_cost=tools_without_cost,
            by_owner_unit=by_owner_unit,
            unowned_tools=unowned_tools,
            duplicated_capabilities=duplicated_capabilities,
            redundant_spend_minor=redundant_spend_minor,
            has_customer_data_platform=has_customer_data_platform,
            personal_data_tools=personal_data_tools,
            personal_data_tools_integrated_with_cdp=personal_data_tools_integrated_with_cdp,
            integrated_tools=integrated_tools,
            citizen_tools=citizen_tools,
            citizen_seats_used=citizen_seats_used,
            citizen_seats_paid=citizen_seats_paid,
            added_last_12_months=added_last_12_months,
            retired_last_12_months=retired_last_12_months,
            measured_spend_minor=measured_spend_minor,
            capabilities_held=capabilities_held,
            redundant_spend_beyond_main_minor=redundant_spend_beyond_main_minor,
            active_tools_undated=active_tools_undated,
        )

        inventory_evidence.additional_properties = d
        return inventory_evidence

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
