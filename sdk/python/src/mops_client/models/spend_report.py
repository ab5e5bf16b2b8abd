from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.spend_group_by import SpendGroupBy
from ..models.tool_status import ToolStatus

if TYPE_CHECKING:
    from ..models.spend_row import SpendRow
    from ..models.spend_total import SpendTotal


T = TypeVar("T", bound="SpendReport")


@_attrs_define
class SpendReport:
    """
    Attributes:
        by (SpendGroupBy):
        status (None | ToolStatus): The status filter applied, if any.
        rows (list[SpendRow]): One row per (group, currency), the largest amount first.
        totals (list[SpendTotal]): One entry per currency, the largest amount first. Each contract counts once here,
            even when `by=capability` counts it under several capabilities.
        tools_without_contract (int): Tools (with the status filter) that have no contract at all.
    """

    by: SpendGroupBy
    status: None | ToolStatus
    rows: list[SpendRow]
    totals: list[SpendTotal]
    tools_without_contract: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by = self.by.value

        status: None | str
        if isinstance(self.status, ToolStatus):
            status = self.status.value
        else:
            status = self.status

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        totals = []
        for totals_item_data in self.totals:
            totals_item = totals_item_data.to_dict()
            totals.append(totals_item)

        tools_without_contract = self.tools_without_contract

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by": by,
                "status": status,
                "rows": rows,
                "totals": totals,
                "tools_without_contract": tools_without_contract,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.spend_row import SpendRow  # noqa: PLC0415
        from ..models.spend_total import SpendTotal  # noqa: PLC0415

        d = dict(src_dict)
        by = SpendGroupBy(d.pop("by"))

        def _parse_status(data: object) -> None | ToolStatus:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ToolStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ToolStatus, data)

        status = _parse_status(d.pop("status"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = SpendRow.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = []
        _totals = d.pop("totals")
        for totals_item_data in _totals:
            totals_item = SpendTotal.from_dict(totals_item_data)

            totals.append(totals_item)

        tools_without_contract = d.pop("tools_without_contract")

        spend_report = cls(
            by=by,
            status=status,
            rows=rows,
            totals=totals,
            tools_without_contract=tools_without_contract,
        )

        spend_report.additional_properties = d
        return spend_report

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
