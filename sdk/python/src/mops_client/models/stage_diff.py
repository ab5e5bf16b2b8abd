from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_sum import MoneySum


T = TypeVar("T", bound="StageDiff")


@_attrs_define
class StageDiff:
    """
    Attributes:
        stage (int): After this stage (stages are cumulative).
        tools_added (list[str]):
        tools_retired (list[str]):
        tools_replaced (list[str]): `old → new` for each replacement.
        cost_before (list[MoneySum]): Annual cost of the stack before, per currency.
        cost_after (list[MoneySum]):
        capabilities_gained (list[str]):
        capabilities_lost (list[str]):
    """

    stage: int
    tools_added: list[str]
    tools_retired: list[str]
    tools_replaced: list[str]
    cost_before: list[MoneySum]
    cost_after: list[MoneySum]
    capabilities_gained: list[str]
    capabilities_lost: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stage = self.stage

        tools_added = self.tools_added

        tools_retired = self.tools_retired

        tools_replaced = self.tools_replaced

        cost_before = []
        for cost_before_item_data in self.cost_before:
            cost_before_item = cost_before_item_data.to_dict()
            cost_before.append(cost_before_item)

        cost_after = []
        for cost_after_item_data in self.cost_after:
            cost_after_item = cost_after_item_data.to_dict()
            cost_after.append(cost_after_item)

        capabilities_gained = self.capabilities_gained

        capabilities_lost = self.capabilities_lost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stage": stage,
                "tools_added": tools_added,
                "tools_retired": tools_retired,
                "tools_replaced": tools_replaced,
                "cost_before": cost_before,
                "cost_after": cost_after,
                "capabilities_gained": capabilities_gained,
                "capabilities_lost": capabilities_lost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_sum import MoneySum  # noqa: PLC0415

        d = dict(src_dict)
        stage = d.pop("stage")

        tools_added = cast(list[str], d.pop("tools_added"))

        tools_retired = cast(list[str], d.pop("tools_retired"))

        tools_replaced = cast(list[str], d.pop("tools_replaced"))

        cost_before = []
        _cost_before = d.pop("cost_before")
        for cost_before_item_data in _cost_before:
            cost_before_item = MoneySum.from_dict(cost_before_item_data)

            cost_before.append(cost_before_item)

        cost_after = []
        _cost_after = d.pop("cost_after")
        for cost_after_item_data in _cost_after:
            cost_after_item = MoneySum.from_dict(cost_after_item_data)

            cost_after.append(cost_after_item)

        capabilities_gained = cast(list[str], d.pop("capabilities_gained"))

        capabilities_lost = cast(list[str], d.pop("capabilities_lost"))

        stage_diff = cls(
            stage=stage,
            tools_added=tools_added,
            tools_retired=tools_retired,
            tools_replaced=tools_replaced,
            cost_before=cost_before,
            cost_after=cost_after,
            capabilities_gained=capabilities_gained,
            capabilities_lost=capabilities_lost,
        )

        stage_diff.additional_properties = d
        return stage_diff

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
