from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.renewal_row import RenewalRow


T = TypeVar("T", bound="RenewalsReport")


@_attrs_define
class RenewalsReport:
    """
    Attributes:
        as_of (datetime.date): The day the report is computed for (`today` in UTC).
        within_days (int):
        window_end (datetime.date): as_of plus within_days.
        rows (list[RenewalRow]): By notice deadline (the renewal date when there is no notice period), then renewal date
            and tool name.
        next_cursor (None | str): Pass as `cursor` for the next page of rows; `null` on the last page.
    """

    as_of: datetime.date
    within_days: int
    window_end: datetime.date
    rows: list[RenewalRow]
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        within_days = self.within_days

        window_end = self.window_end.isoformat()

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
                "as_of": as_of,
                "within_days": within_days,
                "window_end": window_end,
                "rows": rows,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.renewal_row import RenewalRow  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        within_days = d.pop("within_days")

        window_end = datetime.date.fromisoformat(d.pop("window_end"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = RenewalRow.from_dict(rows_item_data)

            rows.append(rows_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        renewals_report = cls(
            as_of=as_of,
            within_days=within_days,
            window_end=window_end,
            rows=rows,
            next_cursor=next_cursor,
        )

        renewals_report.additional_properties = d
        return renewals_report

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
