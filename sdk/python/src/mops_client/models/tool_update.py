from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.tool_status import ToolStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tool_owner import ToolOwner
    from ..models.tool_update_custom_fields_type_0 import ToolUpdateCustomFieldsType0


T = TypeVar("T", bound="ToolUpdate")


@_attrs_define
class ToolUpdate:
    """Only the fields sent change (`null` clears an optional field; `name`, `status` and
    `processes_personal_data` may be left out but not cleared).

        Attributes:
            name (str | Unset):
            status (ToolStatus | Unset):
            vendor (None | str | Unset):
            category_id (None | Unset | UUID):
            capabilities (list[str] | None | Unset):
            description (None | str | Unset):
            usage_notes (None | str | Unset):
            owners (list[ToolOwner] | None | Unset):
            shares_data_with_core (bool | None | Unset):
            processes_personal_data (bool | Unset):
            personal_data_categories (list[str] | None | Unset):
            website (None | str | Unset):
            tags (list[str] | None | Unset):
            custom_fields (None | ToolUpdateCustomFieldsType0 | Unset): Replaces the tool's custom field values.
            in_use_since (datetime.date | None | Unset): The day the tool came into use at the company (its go-live), as the
                company knows it: not the day it was recorded here. The stack's change over a year counts tools by it (else by
                the earliest start of their contracts); null when not known.
    """

    name: str | Unset = UNSET
    status: ToolStatus | Unset = UNSET
    vendor: None | str | Unset = UNSET
    category_id: None | Unset | UUID = UNSET
    capabilities: list[str] | None | Unset = UNSET
    description: None | str | Unset = UNSET
    usage_notes: None | str | Unset = UNSET
    owners: list[ToolOwner] | None | Unset = UNSET
    shares_data_with_core: bool | None | Unset = UNSET
    processes_personal_data: bool | Unset = UNSET
    personal_data_categories: list[str] | None | Unset = UNSET
    website: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET
    custom_fields: None | ToolUpdateCustomFieldsType0 | Unset = UNSET
    in_use_since: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.tool_update_custom_fields_type_0 import ToolUpdateCustomFieldsType0  # noqa: PLC0415

        name = self.name

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

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

        capabilities: list[str] | None | Unset
        if isinstance(self.capabilities, Unset):
            capabilities = UNSET
        elif isinstance(self.capabilities, list):
            capabilities = self.capabilities

        else:
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

        owners: list[dict[str, Any]] | None | Unset
        if isinstance(self.owners, Unset):
            owners = UNSET
        elif isinstance(self.owners, list):
            owners = []
            for owners_type_0_item_data in self.owners:
                owners_type_0_item = owners_type_0_item_data.to_dict()
                owners.append(owners_type_0_item)

        else:
            owners = self.owners

        shares_data_with_core: bool | None | Unset
        if isinstance(self.shares_data_with_core, Unset):
            shares_data_with_core = UNSET
        else:
            shares_data_with_core = self.shares_data_with_core

        processes_personal_data = self.processes_personal_data

        personal_data_categories: list[str] | None | Unset
        if isinstance(self.personal_data_categories, Unset):
            personal_data_categories = UNSET
        elif isinstance(self.personal_data_categories, list):
            personal_data_categories = self.personal_data_categories

        else:
            personal_data_categories = self.personal_data_categories

        website: None | str | Unset
        if isinstance(self.website, Unset):
            website = UNSET
        else:
            website = self.website

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        custom_fields: dict[str, Any] | None | Unset
        if isinstance(self.custom_fields, Unset):
            custom_fields = UNSET
        elif isinstance(self.custom_fields, ToolUpdateCustomFieldsType0):
            custom_fields = self.custom_fields.to_dict()
        else:
            custom_fields = self.custom_fields

        in_use_since: None | str | Unset
        if isinstance(self.in_use_since, Unset):
            in_use_since = UNSET
        elif isinstance(self.in_use_since, datetime.date):
            in_use_since = self.in_use_since.isoformat()
        else:
            in_use_since = self.in_use_since

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
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
        from ..models.tool_update_custom_fields_type_0 import ToolUpdateCustomFieldsType0  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _status = d.pop("status", UNSET)
        status: ToolStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ToolStatus(_status)

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

        def _parse_capabilities(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                capabilities_type_0 = cast(list[str], data)

                return capabilities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        capabilities = _parse_capabilities(d.pop("capabilities", UNSET))

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

        def _parse_owners(data: object) -> list[ToolOwner] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                owners_type_0 = []
                _owners_type_0 = data
                for owners_type_0_item_data in _owners_type_0:
                    owners_type_0_item = ToolOwner.from_dict(owners_type_0_item_data)

                    owners_type_0.append(owners_type_0_item)

                return owners_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ToolOwner] | None | Unset, data)

        owners = _parse_owners(d.pop("owners", UNSET))

        def _parse_shares_data_with_core(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        shares_data_with_core = _parse_shares_data_with_core(d.pop("shares_data_with_core", UNSET))

        processes_personal_data = d.pop("processes_personal_data", UNSET)

        def _parse_personal_data_categories(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                personal_data_categories_type_0 = cast(list[str], data)

                return personal_data_categories_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        personal_data_categories = _parse_personal_data_categories(
            d.pop("personal_data_categories", UNSET)
        )

        def _parse_website(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        website = _parse_website(d.pop("website", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        def _parse_custom_fields(data: object) -> None | ToolUpdateCustomFieldsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_fields_type_0 = ToolUpdateCustomFieldsType0.from_dict(data)

                return custom_fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ToolUpdateCustomFieldsType0 | Unset, data)

        custom_fields = _parse_custom_fields(d.pop("custom_fields", UNSET))

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

        tool_update = cls(
            name=name,
            status=status,
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

        return tool_update
