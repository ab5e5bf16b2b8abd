from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.activity_kind import ActivityKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.raci_assignment import RaciAssignment


T = TypeVar("T", bound="RaciActivity")


@_attrs_define
class RaciActivity:
    """
    Attributes:
        name (str): Unique in the matrix, compared without case.
        kind (ActivityKind | Unset): `programme`: a key activity of the marketing programme (campaigns, templates,
            training...). `purchase`: buying a tool, or approving one a team brings (procurement, a
            BYOT approval): the activities purchase governance reads. `data`: a data responsibility —
            consent and privacy policy under GDPR/CCPA, customer-identity stewardship — which must
            involve legal.
        assignments (list[RaciAssignment] | Unset): Each assignee at most once per letter.
    """

    name: str
    kind: ActivityKind | Unset = UNSET
    assignments: list[RaciAssignment] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        assignments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.assignments, Unset):
            assignments = []
            for assignments_item_data in self.assignments:
                assignments_item = assignments_item_data.to_dict()
                assignments.append(assignments_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if kind is not UNSET:
            field_dict["kind"] = kind
        if assignments is not UNSET:
            field_dict["assignments"] = assignments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.raci_assignment import RaciAssignment  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        _kind = d.pop("kind", UNSET)
        kind: ActivityKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ActivityKind(_kind)

        _assignments = d.pop("assignments", UNSET)
        assignments: list[RaciAssignment] | Unset = UNSET
        if _assignments is not UNSET:
            assignments = []
            for assignments_item_data in _assignments:
                assignments_item = RaciAssignment.from_dict(assignments_item_data)

                assignments.append(assignments_item)

        raci_activity = cls(
            name=name,
            kind=kind,
            assignments=assignments,
        )

        return raci_activity
