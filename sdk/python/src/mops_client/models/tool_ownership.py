from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_status import ToolStatus

if TYPE_CHECKING:
    from ..models.tool_owner import ToolOwner


T = TypeVar("T", bound="ToolOwnership")


@_attrs_define
class ToolOwnership:
    """A tool and who answers for it: what the org service asks of the inventory.

    Attributes:
        tool_id (UUID):
        tool_name (str):
        tool_status (ToolStatus):
        owners (list[ToolOwner]): In the tool's order; may be empty.
    """

    tool_id: UUID
    tool_name: str
    tool_status: ToolStatus
    owners: list[ToolOwner]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tool_id = str(self.tool_id)

        tool_name = self.tool_name

        tool_status = self.tool_status.value

        owners = []
        for owners_item_data in self.owners:
            owners_item = owners_item_data.to_dict()
            owners.append(owners_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tool_id": tool_id,
                "tool_name": tool_name,
                "tool_status": tool_status,
                "owners": owners,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tool_owner import ToolOwner  # noqa: PLC0415

        d = dict(src_dict)
        tool_id = UUID(d.pop("tool_id"))

        tool_name = d.pop("tool_name")

        tool_status = ToolStatus(d.pop("tool_status"))

        owners = []
        _owners = d.pop("owners")
        for owners_item_data in _owners:
            owners_item = ToolOwner.from_dict(owners_item_data)

            owners.append(owners_item)

        tool_ownership = cls(
            tool_id=tool_id,
            tool_name=tool_name,
            tool_status=tool_status,
            owners=owners,
        )

        tool_ownership.additional_properties = d
        return tool_ownership

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
