from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.core_tools_chosen_by import CoreToolsChosenBy
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.stack_tool_ref import StackToolRef


T = TypeVar("T", bound="IntegrationCoverageReport")


@_attrs_define
class IntegrationCoverageReport:
    """How the active stack is wired together and to its core customer-data platform.

    Attributes:
        core_tools (list[StackToolRef]): The core tools the report measured against.
        core_tools_chosen_by (CoreToolsChosenBy):
        active_tool_count (int): Tools with status `active`.
        integrated_tool_count (int): Active tools with at least one live integration.
        integrated_share (float | None): integrated_tool_count / active_tool_count, to 4 decimals (`null` when there is
            no active tool).
        non_core_active_tool_count (int): Active tools that are not core.
        connected_to_core_count (int): Active non-core tools with a direct live integration with a core tool.
        connected_to_core_share (float | None): connected_to_core_count / non_core_active_tool_count, to 4 decimals
            (`null` when there is no active non-core tool).
        not_sharing_data_with_core_count (int): Active tools with `shares_data_with_core` false.
        core_data_sharing_unknown_count (int): Active tools with `shares_data_with_core` not stated.
        not_integrated (list[StackToolRef]): Active tools with no live integration at either end (of this page).
        not_connected_to_core (list[StackToolRef]): Active non-core tools with no direct live integration with a core
            tool.
        not_sharing_data_with_core (list[StackToolRef]): Edge tools: active tools with `shares_data_with_core` false.
        core_data_sharing_unknown (list[StackToolRef]): Active tools whose `shares_data_with_core` is not stated
            (`null`).
        next_cursor (None | str | Unset): Pass as `cursor` for the lists' next page of active tools; `null` on the last
            page.
    """

    core_tools: list[StackToolRef]
    core_tools_chosen_by: CoreToolsChosenBy
    active_tool_count: int
    integrated_tool_count: int
    integrated_share: float | None
    non_core_active_tool_count: int
    connected_to_core_count: int
    connected_to_core_share: float | None
    not_sharing_data_with_core_count: int
    core_data_sharing_unknown_count: int
    not_integrated: list[StackToolRef]
    not_connected_to_core: list[StackToolRef]
    not_sharing_data_with_core: list[StackToolRef]
    core_data_sharing_unknown: list[StackToolRef]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        core_tools = []
        for core_tools_item_data in self.core_tools:
            core_tools_item = core_tools_item_data.to_dict()
            core_tools.append(core_tools_item)

        core_tools_chosen_by = self.core_tools_chosen_by.value

        active_tool_count = self.active_tool_count

        integrated_tool_count = self.integrated_tool_count

        integrated_share: float | None
        integrated_share = self.integrated_share

        non_core_active_tool_count = self.non_core_active_tool_count

        connected_to_core_count = self.connected_to_core_count

        connected_to_core_share: float | None
        connected_to_core_share = self.connected_to_core_share

        not_sharing_data_with_core_count = self.not_sharing_data_with_core_count

        core_data_sharing_unknown_count = self.core_data_sharing_unknown_count

        not_integrated = []
        for not_integrated_item_data in self.not_integrated:
            not_integrated_item = not_integrated_item_data.to_dict()
            not_integrated.append(not_integrated_item)

        not_connected_to_core = []
        for not_connected_to_core_item_data in self.not_connected_to_core:
            not_connected_to_core_item = not_connected_to_core_item_data.to_dict()
            not_connected_to_core.append(not_connected_to_core_item)

        not_sharing_data_with_core = []
        for not_sharing_data_with_core_item_data in self.not_sharing_data_with_core:
            not_sharing_data_with_core_item = not_sharing_data_with_core_item_data.to_dict()
            not_sharing_data_with_core.append(not_sharing_data_with_core_item)

        core_data_sharing_unknown = []
        for core_data_sharing_unknown_item_data in self.core_data_sharing_unknown:
            core_data_sharing_unknown_item = core_data_sharing_unknown_item_data.to_dict()
            core_data_sharing_unknown.append(core_data_sharing_unknown_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "core_tools": core_tools,
                "core_tools_chosen_by": core_tools_chosen_by,
                "active_tool_count": active_tool_count,
                "integrated_tool_count": integrated_tool_count,
                "integrated_share": integrated_share,
                "non_core_active_tool_count": non_core_active_tool_count,
                "connected_to_core_count": connected_to_core_count,
                "connected_to_core_share": connected_to_core_share,
                "not_sharing_data_with_core_count": not_sharing_data_with_core_count,
                "core_data_sharing_unknown_count": core_data_sharing_unknown_count,
                "not_integrated": not_integrated,
                "not_connected_to_core": not_connected_to_core,
                "not_sharing_data_with_core": not_sharing_data_with_core,
                "core_data_sharing_unknown": core_data_sharing_unknown,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.stack_tool_ref import StackToolRef  # noqa: PLC0415

        d = dict(src_dict)
        core_tools = []
        _core_tools = d.pop("core_tools")
        for core_tools_item_data in _core_tools:
            core_tools_item = StackToolRef.from_dict(core_tools_item_data)

            core_tools.append(core_tools_item)

        core_tools_chosen_by = CoreToolsChosenBy(d.pop("core_tools_chosen_by"))

        active_tool_count = d.pop("active_tool_count")

        integrated_tool_count = d.pop("integrated_tool_count")

        def _parse_integrated_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        integrated_share = _parse_integrated_share(d.pop("integrated_share"))

        non_core_active_tool_count = d.pop("non_core_active_tool_count")

        connected_to_core_count = d.pop("connected_to_core_count")

        def _parse_connected_to_core_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        connected_to_core_share = _parse_connected_to_core_share(d.pop("connected_to_core_share"))

        not_sharing_data_with_core_count = d.pop("not_sharing_data_with_core_count")

        core_data_sharing_unknown_count = d.pop("core_data_sharing_unknown_count")

        not_integrated = []
        _not_integrated = d.pop("not_integrated")
        for not_integrated_item_data in _not_integrated:
            not_integrated_item = StackToolRef.from_dict(not_integrated_item_data)

            not_integrated.append(not_integrated_item)

        not_connected_to_core = []
        _not_connected_to_core = d.pop("not_connected_to_core")
        for not_connected_to_core_item_data in _not_connected_to_core:
            not_connected_to_core_item = StackToolRef.from_dict(not_connected_to_core_item_data)

            not_connected_to_core.append(not_connected_to_core_item)

        not_sharing_data_with_core = []
        _not_sharing_data_with_core = d.pop("not_sharing_data_with_core")
        for not_sharing_data_with_core_item_data in _not_sharing_data_with_core:
            not_sharing_data_with_core_item = StackToolRef.from_dict(
                not_sharing_data_with_core_item_data
            )

            not_sharing_data_with_core.append(not_sharing_data_with_core_item)

        core_data_sharing_unknown = []
        _core_data_sharing_unknown = d.pop("core_data_sharing_unknown")
        for core_data_sharing_unknown_item_data in _core_data_sharing_unknown:
            core_data_sharing_unknown_item = StackToolRef.from_dict(
                core_data_sharing_unknown_item_data
            )

            core_data_sharing_unknown.append(core_data_sharing_unknown_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        integration_coverage_report = cls(
            core_tools=core_tools,
            core_tools_chosen_by=core_tools_chosen_by,
            active_tool_count=active_tool_count,
            integrated_tool_count=integrated_tool_count,
            integrated_share=integrated_share,
            non_core_active_tool_count=non_core_active_tool_count,
            connected_to_core_count=connected_to_core_count,
            connected_to_core_share=connected_to_core_share,
            not_sharing_data_with_core_count=not_sharing_data_with_core_count,
            core_data_sharing_unknown_count=core_data_sharing_unknown_count,
            not_integrated=not_integrated,
            not_connected_to_core=not_connected_to_core,
            not_sharing_data_with_core=not_sharing_data_with_core,
            core_data_sharing_unknown=core_data_sharing_unknown,
            next_cursor=next_cursor,
        )

        integration_coverage_report.additional_properties = d
        return integration_coverage_report

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
