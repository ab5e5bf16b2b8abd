from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_severity import ImportSeverity

T = TypeVar("T", bound="ImportProblemRead")


@_attrs_define
class ImportProblemRead:
    """
    Attributes:
        row (int): The row as the file shows it, from 1: in a CSV the spreadsheet row, the header being row 1 (so the
            first tool is row 2); in JSON the item's position (the first item is row 1). 0: the file as a whole or its
            header.
        pointer (str): JSON Pointer (RFC 6901, from 0) to the value: `/3/name` is the name of the fourth tool, the item
            at index 3 of a JSON file (with its key as sent) or the fourth row under a CSV header. Empty for the file as a
            whole or its header.
        column (None | str):
        problem (str):
        severity (ImportSeverity): An error keeps its row (or item) out of the import; a warning is reported and
            imported.
    """

    row: int
    pointer: str
    column: None | str
    problem: str
    severity: ImportSeverity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        pointer = self.pointer

        column: None | str
        column = self.column

        problem = self.problem

        severity = self.severity.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "pointer": pointer,
                "column": column,
                "problem": problem,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        pointer = d.pop("pointer")

        def _parse_column(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        column = _parse_column(d.pop("column"))

        problem = d.pop("problem")

        severity = ImportSeverity(d.pop("severity"))

        import_problem_read = cls(
            row=row,
            pointer=pointer,
            column=column,
            problem=problem,
            severity=severity,
        )

        import_problem_read.additional_properties = d
        return import_problem_read

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
