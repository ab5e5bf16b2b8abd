from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.return_row import ReturnRow


T = TypeVar("T", bound="ReturnsReport")


@_attrs_define
class ReturnsReport:
    """
    Attributes:
        since (datetime.date): First day of the period (UTC), included.
        until (datetime.date): Last day of the period (UTC), included.
        rows (list[ReturnRow]): The lowest return first (return_ratio ascending, `null` last), then by name.
        next_cursor (None | str): Pass as `cursor` for the next page of rows; `null` on the last page.
    """

    since: datetime.date
    until: datetime.date
    rows: list[ReturnRow]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since = self.since.isoformat()

        until = self.until.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "until": until,
                "rows": rows,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.return_row import ReturnRow  # noqa: PLC0415

        d = dict(src_dict)
        since = datetime.date.fromisoformat(d.pop("since"))

        until = datetime.date.fromisoformat(d.pop("until"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = ReturnRow.from_dict(rows_item_data)

            rows.append(rows_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        returns_report = cls(
            since=since,
            until=until,
            rows=rows,
            next_cursor=next_cursor,
        )

        returns_report.additional_properties = d
        return returns_report

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
