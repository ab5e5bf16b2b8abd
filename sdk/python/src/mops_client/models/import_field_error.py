from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.problem_location import ProblemLocation
from ..types import UNSET, Unset

T = TypeVar("T", bound="ImportFieldError")


@_attrs_define
class ImportFieldError:
    """An error or warning of an import refused with 422, at its pointer and its row. A problem
    outside the file (a query parameter the route does not know, say) has no row.

        Attributes:
            location (ProblemLocation): Which part of the request holds an invalid value.
            pointer (str): JSON Pointer (RFC 6901) to the value inside that part, e.g. `/parent_id`.
            detail (str): What is wrong with the value.
            row (int | Unset): The row as the file shows it, from 1: in a CSV the spreadsheet row, the header being row 1
                (so the first tool is row 2); in JSON the item's position (the first item is row 1). 0: the file as a whole or
                its header.
    """

    location: ProblemLocation
    pointer: str
    detail: str
    row: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        location = self.location.value

        pointer = self.pointer

        detail = self.detail

        row = self.row

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "location": location,
                "pointer": pointer,
                "detail": detail,
            }
        )
        if row is not UNSET:
            field_dict["row"] = row

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        location = ProblemLocation(d.pop("location"))

        pointer = d.pop("pointer")

        detail = d.pop("detail")

        row = d.pop("row", UNSET)

        import_field_error = cls(
            location=location,
            pointer=pointer,
            detail=detail,
            row=row,
        )

        import_field_error.additional_properties = d
        return import_field_error

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
