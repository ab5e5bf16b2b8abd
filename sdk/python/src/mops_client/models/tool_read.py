from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_status import ToolStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_owner import ToolOwner
    from ..models.tool_read_custom_fields import ToolReadCustomFields


T = TypeVar("T", bound="ToolRead")


@_attrs_define
class ToolRead:
    """
    Attributes:
        id (UUID):
        name (str):
        status (ToolStatus):
        status_changed_at (datetime.datetime):
        version (int): Increases with every change; the ETag is built from it.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        vendor (None | str | Unset):
        category_id (None | Unset | UUID): A category of the tenant.
        capabilities (list[str] | Unset): What the tool does, e.g. `CRM`.
        description (None | str | Unset):
        usage_notes (None | str | Unset):
        owners (list[ToolOwner] | Unset): At most one business owner.
        shares_data_with_core (bool | None | Unset): Whether it shares data with the core platforms.
        processes_personal_data (bool | Unset):  Default: False.
        personal_data_categories (list[str] | Unset):
        website (None | str | Unset):
        tags (list[str] | Unset):
        custom_fields (ToolReadCustomFields | Unset): Values of the tenant's custom fields (`/v1/inventory/custom-
            fields`).
        in_use_since (datetime.date | None | Unset): The day the tool came into use at the company (its go-live), as the
            company knows it: not the day it was recorded here. The stack's change over a year counts tools by it (else by
            the earliest start of their contracts); null when not known.
    """

    id: UUID
    name: str
    status: ToolStatus
    status_changed_at: datetime.datetime
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    vendor: None | str | Unset = UNSET
    category_id: None | Unset | UUID = UNSET
    capabilities: list[str] | Unset = UNSET
    description: None | str | Unset = UNSET
    usage_notes: None | str | Unset = UNSET
    owners: list[ToolOwner] | Unset = UNSET
    shares_data_with_core: bool | None | Unset = UNSET
    processes_personal_data: bool | Unset = False
    personal_data_categories: list[str] | Unset = UNSET
    website: None | str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    custom_fields: ToolReadCustomFields | Unset = UNSET
    in_use_since: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        status = self.status.value

        status_changed_at = self.status_changed_at.isoformat()

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        vendor: None | str | Unset
        if isinstance(self.vendor, Unset):
            vendor = UNSET
        else:
            vendor = self.vendor

        category_id: None | str | Unset
        if isinstance(self.category_id, Unset):
            category_id = UNSET
        elif isinstance(self.category_id, UUID):
            category_id = str(self.category_id)
        else:
            category_id = self.category_id

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        usage_notes: None | str | Unset
        if isinstance(self.usage_notes, Unset):
            usage_notes = UNSET
        else:
            usage_notes = self.usage_notes

        owners: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.owners, Unset):
            owners = []
            for owners_item_data in self.owners:
                owners_item = owners_item_data.to_dict()
                owners.append(owners_item)

        shares_data_with_core: bool | None | Unset
        if isinstance(self.shares_data_with_core, Unset):
            shares_data_with_core = UNSET
        else:
            shares_data_with_core = self.shares_data_with_core

        processes_personal_data = self.processes_personal_data

        personal_data_categories: list[str] | Unset = UNSET
        if not isinstance(self.personal_data_categories, Unset):
            personal_data_categories = self.personal_data_categories

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        custom_fields: dict[str, Any] | Unset = UNSET
        if not isinstance(self.custom_fields, Unset):
            custom_fields = self.custom_fields.to_dict()

        in_use_since: None | str | Unset
        if isinstance(self.in_use_since, Unset):
            in_use_since = UNSET
        elif isinstance(self.in_use_since, datetime.date):
            in_use_since = self.in_use_since.isoformat()
        else:
            in_use_since = self.in_use_since

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "status": status,
                "status_changed_at": status_changed_at,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )
        if vendor is not UNSET:
            field_dict["vendor"] = vendor
        if category_id is not UNSET:
            field_dict["category_id"] = category_id
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if description is not UNSET:
            field_dict["description"] = description
        if usage_notes is not UNSET:
            field_dict["usage_notes"] = usage_notes
        if owners is not UNSET:
            field_dict["owners"] = owners
        if shares_data_with_core is not UNSET:
            field_dict["shares_data_with_core"] = shares_data_with_core
        if processes_personal_data is not UNSET:
            field_dict["processes_personal_data"] = processes_personal_data
        if personal_data_categories is not UNSET:
            field_dict["personal_data_categories"] = personal_data_categories
        if website is not UNSET:
            field_dict["website"] = website
        if tags is not UNSET:
            field_dict["tags"] = tags
        if custom_fields is not UNSET:
            field_dict["custom_fields"] = custom_fields
        if in_use_since is not UNSET:
            field_dict["in_use_since"] = in_use_since

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_owner import ToolOwner  # noqa: PLC0415
        from ..models.tool_read_custom_fields import ToolReadCustomFields  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        status = ToolStatus(d.pop("status"))

        status_changed_at = datetime.datetime.fromisoformat(d.pop("status_changed_at"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_vendor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        vendor = _parse_vendor(d.pop("vendor", UNSET))

        def _parse_category_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                category_id_type_0 = UUID(data)

                return category_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        category_id = _parse_category_id(d.pop("category_id", UNSET))

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_usage_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        usage_notes = _parse_usage_notes(d.pop("usage_notes", UNSET))

        _owners = d.pop("owners", UNSET)
        owners: list[ToolOwner] | Unset = UNSET
        if _owners is not UNSET:
            owners = []
            for owners_item_data in _owners:
                owners_item = ToolOwner.from_dict(owners_item_data)

                owners.append(owners_item)

        def _parse_shares_data_with_core(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shares_data_with_core = _parse_shares_data_with_core(d.pop("shares_data_with_core", UNSET))

        processes_personal_data = d.pop("processes_personal_data", UNSET)

        personal_data_categories = cast(list[str], d.pop("personal_data_categories", UNSET))

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        tags = cast(list[str], d.pop("tags", UNSET))

        _custom_fields = d.pop("custom_fields", UNSET)
        custom_fields: ToolReadCustomFields | Unset
        if isinstance(_custom_fields, Unset):
            custom_fields = UNSET
        else:
            custom_fields = ToolReadCustomFields.from_dict(_custom_fields)

        def _parse_in_use_since(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                in_use_since_type_0 = datetime.date.fromisoformat(data)

                return in_use_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        in_use_since = _parse_in_use_since(d.pop("in_use_since", UNSET))

        tool_read = cls(
            id=id,
            name=name,
            status=status,
            status_changed_at=status_changed_at,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            vendor=vendor,
            category_id=category_id,
            capabilities=capabilities,
            description=description,
            usage_notes=usage_notes,
            owners=owners,
            shares_data_with_core=shares_data_with_core,
            processes_personal_data=processes_personal_data,
            personal_data_categories=personal_data_categories,
            website=website,
            tags=tags,
            custom_fields=custom_fields,
            in_use_since=in_use_since,
        )

        tool_read.additional_properties = d
        return tool_read

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
