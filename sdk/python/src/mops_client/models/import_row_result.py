from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_action import ImportAction

T = TypeVar("T", bound="ImportRowResult")


@_attrs_define
class ImportRowResult:
    """
    Attributes:
        row (int): The row as the file shows it, from 1: in a CSV the spreadsheet row, the header being row 1 (so the
            first tool is row 2); in JSON the item's position (the first item is row 1). 0: the file as a whole or its
            header.
        pointer (str): JSON Pointer (from 0) to the row: `/3` is the fourth tool.
        name (None | str): The tool the row names (null if it names none).
        action (ImportAction): What an import did (or, in a dry run, would do) with a row.
    """

    row: int
    pointer: str
    name: None | str
    action: ImportAction
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        pointer = self.pointer

        name: None | str
        name = self.name

        action = self.action.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "pointer": pointer,
                "name": name,
                "action": action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        pointer = d.pop("pointer")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        action = ImportAction(d.pop("action"))

        import_row_result = cls(
            row=row,
            pointer=pointer,
            name=name,
            action=action,
        )

        import_row_result.additional_properties = d
        return import_row_result

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
