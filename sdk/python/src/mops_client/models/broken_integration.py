from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.edge_direction import EdgeDirection
from ..models.sync_mode import SyncMode
from ..models.tool_status import ToolStatus

if TYPE_CHECKING:
    from ..models.stack_tool_ref import StackToolRef


T = TypeVar("T", bound="BrokenIntegration")


@_attrs_define
class BrokenIntegration:
    """A live integration of the tool that would break if the tool were retired.

    Attributes:
        integration_id (UUID):
        direction (EdgeDirection):
        other_tool (StackToolRef): A tool named in a report.
        other_tool_status (ToolStatus):
        data_carried (list[str]):
        sync_mode (SyncMode):
    """

    integration_id: UUID
    direction: EdgeDirection
    other_tool: StackToolRef
    other_tool_status: ToolStatus
    data_carried: list[str]
    sync_mode: SyncMode
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        integration_id = str(self.integration_id)

        direction = self.direction.value

        other_tool = self.other_tool.to_dict()

        other_tool_status = self.other_tool_status.value

        data_carried = self.data_carried

        sync_mode = self.sync_mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "integration_id": integration_id,
                "direction": direction,
                "other_tool": other_tool,
                "other_tool_status": other_tool_status,
                "data_carried": data_carried,
                "sync_mode": sync_mode,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stack_tool_ref import StackToolRef  # noqa: PLC0415

        d = dict(src_dict)
        integration_id = UUID(d.pop("integration_id"))

        direction = EdgeDirection(d.pop("direction"))

        other_tool = StackToolRef.from_dict(d.pop("other_tool"))

        other_tool_status = ToolStatus(d.pop("other_tool_status"))

        data_carried = cast(list[str], d.pop("data_carried"))

        sync_mode = SyncMode(d.pop("sync_mode"))

        broken_integration = cls(
            integration_id=integration_id,
            direction=direction,
            other_tool=other_tool,
            other_tool_status=other_tool_status,
            data_carried=data_carried,
            sync_mode=sync_mode,
        )

        broken_integration.additional_properties = d
        return broken_integration

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
