from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrgImportCounts")


@_attrs_define
class OrgImportCounts:
    """
    Attributes:
        read (int | Unset):  Default: 0.
        created (int | Unset):  Default: 0.
        updated (int | Unset):  Default: 0.
        unchanged (int | Unset):  Default: 0.
        failed (int | Unset):  Default: 0.
    """

    read: int | Unset = 0
    created: int | Unset = 0
    updated: int | Unset = 0
    unchanged: int | Unset = 0
    failed: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        read = self.read

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        failed = self.failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if read is not UNSET:
            field_dict["read"] = read
        if created is not UNSET:
            field_dict["created"] = created
        if updated is not UNSET:
            field_dict["updated"] = updated
        if unchanged is not UNSET:
            field_dict["unchanged"] = unchanged
        if failed is not UNSET:
            field_dict["failed"] = failed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read = d.pop("read", UNSET)

        created = d.pop("created", UNSET)

        updated = d.pop("updated", UNSET)

        unchanged = d.pop("unchanged", UNSET)

        failed = d.pop("failed", UNSET)

        org_import_counts = cls(
            read=read,
            created=created,
            updated=updated,
            unchanged=unchanged,
            failed=failed,
        )

        org_import_counts.additional_properties = d
        return org_import_counts

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
