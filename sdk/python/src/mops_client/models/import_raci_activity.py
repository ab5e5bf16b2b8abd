from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.import_raci_activity_assignments import ImportRaciActivityAssignments


T = TypeVar("T", bound="ImportRaciActivity")


@_attrs_define
class ImportRaciActivity:
    """
    Attributes:
        activity (str):
        assignments (ImportRaciActivityAssignments): Assignee (a role name, a unit name or a person's email) → R, A, C
            or I.
        kind (None | str | Unset): `programme`, `purchase` or `data`; when absent, read from the activity's name
            (privacy, consent, personal data: `data`; whole words of buying a tool or approving one brought: `purchase`;
            else `programme`) and reported as a warning.
    """

    activity: str
    assignments: ImportRaciActivityAssignments
    kind: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity

        assignments = self.assignments.to_dict()

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "activity": activity,
                "assignments": assignments,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_raci_activity_assignments import ImportRaciActivityAssignments  # noqa: PLC0415

        d = dict(src_dict)
        activity = d.pop("activity")

        assignments = ImportRaciActivityAssignments.from_dict(d.pop("assignments"))

        def _parse_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        import_raci_activity = cls(
            activity=activity,
            assignments=assignments,
            kind=kind,
        )

        import_raci_activity.additional_properties = d
        return import_raci_activity

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
