from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_status import ToolStatus

T = TypeVar("T", bound="StatusChange")


@_attrs_define
class StatusChange:
    """
    Attributes:
        from_status (None | ToolStatus):
        to_status (ToolStatus):
        changed_at (datetime.datetime):
        actor_key_id (UUID):
    """

    from_status: None | ToolStatus
    to_status: ToolStatus
    changed_at: datetime.datetime
    actor_key_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_status: None | str
        if isinstance(self.from_status, ToolStatus):
            from_status = self.from_status.value
        else:
            from_status = self.from_status

        to_status = self.to_status.value

        changed_at = self.changed_at.isoformat()

        actor_key_id = str(self.actor_key_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_status": from_status,
                "to_status": to_status,
                "changed_at": changed_at,
                "actor_key_id": actor_key_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_from_status(data: object) -> None | ToolStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                from_status_type_0 = ToolStatus(data)

                return from_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ToolStatus, data)

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = ToolStatus(d.pop("to_status"))

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        actor_key_id = UUID(d.pop("actor_key_id"))

        status_change = cls(
            from_status=from_status,
            to_status=to_status,
            changed_at=changed_at,
            actor_key_id=actor_key_id,
        )

        status_change.additional_properties = d
        return status_change

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
