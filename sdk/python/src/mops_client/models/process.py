from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Process")


@_attrs_define
class Process:
    """A customer-facing process rated on the CX-efficiency matrix.

    Attributes:
        key (str):
        name (str):
        automated (bool): Whether the process runs without a person.
        mandatory_for_customer (bool): Whether customers must go through it (no other way to get served).
        description (None | str | Unset):
        tool_ids (list[UUID] | Unset): Inventory tools the process runs on.
    """

    key: str
    name: str
    automated: bool
    mandatory_for_customer: bool
    description: None | str | Unset = UNSET
    tool_ids: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        automated = self.automated

        mandatory_for_customer = self.mandatory_for_customer

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        tool_ids: list[str] | Unset = UNSET
        if not isinstance(self.tool_ids, Unset):
            tool_ids = []
            for tool_ids_item_data in self.tool_ids:
                tool_ids_item = str(tool_ids_item_data)
                tool_ids.append(tool_ids_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "name": name,
                "automated": automated,
                "mandatory_for_customer": mandatory_for_customer,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if tool_ids is not UNSET:
            field_dict["tool_ids"] = tool_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        automated = d.pop("automated")

        mandatory_for_customer = d.pop("mandatory_for_customer")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _tool_ids = d.pop("tool_ids", UNSET)
        tool_ids: list[UUID] | Unset = UNSET
        if _tool_ids is not UNSET:
            tool_ids = []
            for tool_ids_item_data in _tool_ids:
                tool_ids_item = UUID(tool_ids_item_data)

                tool_ids.append(tool_ids_item)

        process = cls(
            key=key,
            name=name,
            automated=automated,
            mandatory_for_customer=mandatory_for_customer,
            description=description,
            tool_ids=tool_ids,
        )

        return process
