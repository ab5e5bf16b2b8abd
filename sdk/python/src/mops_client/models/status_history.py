from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.status_change import StatusChange


T = TypeVar("T", bound="StatusHistory")


@_attrs_define
class StatusHistory:
    """
    Attributes:
        tool_id (UUID):
        changes (list[StatusChange]): Oldest first.
    """

    tool_id: UUID
    changes: list[StatusChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tool_id = str(self.tool_id)

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tool_id": tool_id,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.status_change import StatusChange  # noqa: PLC0415

        d = dict(src_dict)
        tool_id = UUID(d.pop("tool_id"))

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = StatusChange.from_dict(changes_item_data)

            changes.append(changes_item)

        status_history = cls(
            tool_id=tool_id,
            changes=changes,
        )

        status_history.additional_properties = d
        return status_history

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
