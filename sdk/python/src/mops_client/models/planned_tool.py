from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PlannedTool")


@_attrs_define
class PlannedTool:
    """A tool the stack does not have yet.

    Attributes:
        name (str):
        capabilities (list[str] | Unset):
        annual_cost (Money | None | Unset):
    """

    name: str
    capabilities: list[str] | Unset = UNSET
    annual_cost: Money | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        name = self.name

        capabilities: list[str] | Unset = UNSET
        if not isinstance(self.capabilities, Unset):
            capabilities = self.capabilities

        annual_cost: dict[str, Any] | None | Unset
        if isinstance(self.annual_cost, Unset):
            annual_cost = UNSET
        elif isinstance(self.annual_cost, Money):
            annual_cost = self.annual_cost.to_dict()
        else:
            annual_cost = self.annual_cost

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if capabilities is not UNSET:
            field_dict["capabilities"] = capabilities
        if annual_cost is not UNSET:
            field_dict["annual_cost"] = annual_cost

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        capabilities = cast(list[str], d.pop("capabilities", UNSET))

        def _parse_annual_cost(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                annual_cost_type_0 = Money.from_dict(data)

                return annual_cost_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        annual_cost = _parse_annual_cost(d.pop("annual_cost", UNSET))

        planned_tool = cls(
            name=name,
            capabilities=capabilities,
            annual_cost=annual_cost,
        )

        return planned_tool
