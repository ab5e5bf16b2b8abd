from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ToolImportRow")


@_attrs_define
class ToolImportRow:
    """One tool of a JSON import, keyed by the columns of the CSV layout (a key is matched without
    case, spaces or dashes). Values are checked by the import itself, each problem reported at its
    row and column: numbers and flags may come as text, as they do from spreadsheets, and a key
    that is no column is reported as a warning and ignored. A body whose JSON types break this
    schema is refused whole (422), in either mode.

        Attributes:
            name (str): The tool; an existing tool of the same name is updated.
            vendor (None | str | Unset):
            category (None | str | Unset): A landscape category.
            capability (list[str] | None | str | Unset): Capabilities, as a list or `;`-separated text.
            owner_unit (None | str | Unset): The name of an org unit.
            business_owner (None | str | Unset): The owner's email.
            status (None | str | Unset): `evaluating`, `active`, `sunsetting`, `retired`.
            annual_cost (float | None | str | Unset): In the currency's major unit.
            currency (None | str | Unset): ISO 4217 code.
            renewal_date (None | str | Unset): `YYYY-MM-DD`.
            seats_purchased (int | None | str | Unset):
            seats_active (int | None | str | Unset):
            shares_data_with_core (bool | int | None | str | Unset):
            processes_personal_data (bool | int | None | str | Unset):
            integrations (list[str] | None | str | Unset): Names of tools it exchanges data with, as a list or `;`-separated
                text.
            notes (None | str | Unset):
            in_use_since (None | str | Unset): `YYYY-MM-DD`: the day the tool came into use (its go-live). An update without
                it leaves the tool's date as it was.
    """

    name: str
    vendor: None | str | Unset = UNSET
    category: None | str | Unset = UNSET
    capability: list[str] | None | str | Unset = UNSET
    owner_unit: None | str | Unset = UNSET
    business_owner: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    annual_cost: float | None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    renewal_date: None | str | Unset = UNSET
    seats_purchased: int | None | str | Unset = UNSET
    seats_active: int | None | str | Unset = UNSET
    shares_data_with_core: bool | int | None | str | Unset = UNSET
    processes_personal_data: bool | int | None | str | Unset = UNSET
    integrations: list[str] | None | str | Unset = UNSET
    notes: None | str | Unset = UNSET
    in_use_since: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        vendor: None | str | Unset
        if isinstance(self.vendor, Unset):
            vendor = UNSET
        else:
            vendor = self.vendor

        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        capability: list[str] | None | str | Unset
        if isinstance(self.capability, Unset):
            capability = UNSET
        elif isinstance(self.capability, list):
            capability = self.capability

        else:
            capability = self.capability

        owner_unit: None | str | Unset
        if isinstance(self.owner_unit, Unset):
            owner_unit = UNSET
        else:
            owner_unit = self.owner_unit

        business_owner: None | str | Unset
        if isinstance(self.business_owner, Unset):
            business_owner = UNSET
        else:
            business_owner = self.business_owner

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        annual_cost: float | None | str | Unset
        if isinstance(self.annual_cost, Unset):
            annual_cost = UNSET
        else:
            annual_cost = self.annual_cost

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        renewal_date: None | str | Unset
        if isinstance(self.renewal_date, Unset):
            renewal_date = UNSET
        else:
            renewal_date = self.renewal_date

        seats_purchased: int | None | str | Unset
        if isinstance(self.seats_purchased, Unset):
            seats_purchased = UNSET
        else:
            seats_purchased = self.seats_purchased

        seats_active: int | None | str | Unset
        if isinstance(self.seats_active, Unset):
            seats_active = UNSET
        else:
            seats_active = self.seats_active

        shares_data_with_core: bool | int | None | str | Unset
        if isinstance(self.shares_data_with_core, Unset):
            shares_data_with_core = UNSET
        else:
            shares_data_with_core = self.shares_data_with_core

        processes_personal_data: bool | int | None | str | Unset
        if isinstance(self.processes_personal_data, Unset):
            processes_personal_data = UNSET
        else:
            processes_personal_data = self.processes_personal_data

        integrations: list[str] | None | str | Unset
        if isinstance(self.integrations, Unset):
            integrations = UNSET
        elif isinstance(self.integrations, list):
            integrations = self.integrations

        else:
            integrations = self.integrations

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        in_use_since: None | str | Unset
        if isinstance(self.in_use_since, Unset):
            in_use_since = UNSET
        else:
            in_use_since = self.in_use_since

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if vendor is not UNSET:
            field_dict["vendor"] = vendor
        if category is not UNSET:
            field_dict["category"] = category
        if capability is not UNSET:
            field_dict["capability"] = capability
        if owner_unit is not UNSET:
            field_dict["owner_unit"] = owner_unit
        if business_owner is not UNSET:
            field_dict["business_owner"] = business_owner
        if status is not UNSET:
            field_dict["status"] = status
        if annual_cost is not UNSET:
            field_dict["annual_cost"] = annual_cost
        if currency is not UNSET:
            field_dict["currency"] = currency
        if renewal_date is not UNSET:
            field_dict["renewal_date"] = renewal_date
        if seats_purchased is not UNSET:
            field_dict["seats_purchased"] = seats_purchased
        if seats_active is not UNSET:
            field_dict["seats_active"] = seats_active
        if shares_data_with_core is not UNSET:
            field_dict["shares_data_with_core"] = shares_data_with_core
        if processes_personal_data is not UNSET:
            field_dict["processes_personal_data"] = processes_personal_data
        if integrations is not UNSET:
            field_dict["integrations"] = integrations
        if notes is not UNSET:
            field_dict["notes"] = notes
        if in_use_since is not UNSET:
            field_dict["in_use_since"] = in_use_since

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_vendor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor = _parse_vendor(d.pop("vendor", UNSET))

        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))

        def _parse_capability(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                capability_type_1 = cast(list[str], data)

                return capability_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        capability = _parse_capability(d.pop("capability", UNSET))

        def _parse_owner_unit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner_unit = _parse_owner_unit(d.pop("owner_unit", UNSET))

        def _parse_business_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_owner = _parse_business_owner(d.pop("business_owner", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_annual_cost(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        annual_cost = _parse_annual_cost(d.pop("annual_cost", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_renewal_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        renewal_date = _parse_renewal_date(d.pop("renewal_date", UNSET))

        def _parse_seats_purchased(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        seats_purchased = _parse_seats_purchased(d.pop("seats_purchased", UNSET))

        def _parse_seats_active(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        seats_active = _parse_seats_active(d.pop("seats_active", UNSET))

        def _parse_shares_data_with_core(data: object) -> bool | int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | int | None | str | Unset, data)

        shares_data_with_core = _parse_shares_data_with_core(d.pop("shares_data_with_core", UNSET))

        def _parse_processes_personal_data(data: object) -> bool | int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | int | None | str | Unset, data)

        processes_personal_data = _parse_processes_personal_data(
            d.pop("processes_personal_data", UNSET)
        )

        def _parse_integrations(data: object) -> list[str] | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                integrations_type_1 = cast(list[str], data)

                return integrations_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | str | Unset, data)

        integrations = _parse_integrations(d.pop("integrations", UNSET))

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_in_use_since(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        in_use_since = _parse_in_use_since(d.pop("in_use_since", UNSET))

        tool_import_row = cls(
            name=name,
            vendor=vendor,
            category=category,
            capability=capability,
            owner_unit=owner_unit,
            business_owner=business_owner,
            status=status,
            annual_cost=annual_cost,
            currency=currency,
            renewal_date=renewal_date,
            seats_purchased=seats_purchased,
            seats_active=seats_active,
            shares_data_with_core=shares_data_with_core,
            processes_personal_data=processes_personal_data,
            integrations=integrations,
            notes=notes,
            in_use_since=in_use_since,
        )

        tool_import_row.additional_properties = d
        return tool_import_row

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
