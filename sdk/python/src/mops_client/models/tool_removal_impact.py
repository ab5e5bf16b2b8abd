from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.tool_status import ToolStatus

if TYPE_CHECKING:
    from ..models.broken_integration import BrokenIntegration
    from ..models.stack_tool_ref import StackToolRef


T = TypeVar("T", bound="ToolRemovalImpact")


@_attrs_define
class ToolRemovalImpact:
    """What retiring one tool would break.

    Attributes:
        tool (StackToolRef): A tool named in a report.
        status (ToolStatus):
        broken_integration_count (int):
        broken_integrations (list[BrokenIntegration]): By the other tool's name, outgoing before incoming.
        isolated_tools (list[StackToolRef]): Tools whose only live integrations are with this tool, by name.
    """

    tool: StackToolRef
    status: ToolStatus
    broken_integration_count: int
    broken_integrations: list[BrokenIntegration]
    isolated_tools: list[StackToolRef]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        tool = self.tool.to_dict()

        status = self.status.value

        broken_integration_count = self.broken_integration_count

        broken_integrations = []
        for broken_integrations_item_data in self.broken_integrations:
            broken_integrations_item = broken_integrations_item_data.to_dict()
            broken_integrations.append(broken_integrations_item)

        isolated_tools = []
        for isolated_tools_item_data in self.isolated_tools:
            isolated_tools_item = isolated_tools_item_data.to_dict()
            isolated_tools.append(isolated_tools_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "tool": tool,
                "status": status,
                "broken_integration_count": broken_integration_count,
                "broken_integrations": broken_integrations,
                "isolated_tools": isolated_tools,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.broken_integration import BrokenIntegration  # noqa: PLC0415
        from ..models.stack_tool_ref import StackToolRef  # noqa: PLC0415

        d = dict(src_dict)
        tool = StackToolRef.from_dict(d.pop("tool"))

        status = ToolStatus(d.pop("status"))

        broken_integration_count = d.pop("broken_integration_count")

        broken_integrations = []
        _broken_integrations = d.pop("broken_integrations")
        for broken_integrations_item_data in _broken_integrations:
            broken_integrations_item = BrokenIntegration.from_dict(broken_integrations_item_data)

            broken_integrations.append(broken_integrations_item)

        isolated_tools = []
        _isolated_tools = d.pop("isolated_tools")
        for isolated_tools_item_data in _isolated_tools:
            isolated_tools_item = StackToolRef.from_dict(isolated_tools_item_data)

            isolated_tools.append(isolated_tools_item)

        tool_removal_impact = cls(
            tool=tool,
            status=status,
            broken_integration_count=broken_integration_count,
            broken_integrations=broken_integrations,
            isolated_tools=isolated_tools,
        )

        tool_removal_impact.additional_properties = d
        return tool_removal_impact

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
