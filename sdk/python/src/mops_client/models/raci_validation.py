from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.raci_violation import RaciViolation


T = TypeVar("T", bound="RaciValidation")


@_attrs_define
class RaciValidation:
    """Rules, per activity: exactly one A (`no_accountable`, `several_accountable`); at least
    one R (`no_responsible`); no assignee both A and R unless the matrix allows it
    (`accountable_and_responsible`); a `data` activity involves legal as C or A
    (`data_without_legal`) — legal is a role marked `legal`, a person holding such a role, or
    a unit with an active person holding one; every assignee still exists
    (`unknown_assignee`). Assignees that no longer exist count for no rule.

        Attributes:
            matrix_id (UUID):
            valid (bool):
            activity_count (int):
            violations (list[RaciViolation]):
    """

    matrix_id: UUID
    valid: bool
    activity_count: int
    violations: list[RaciViolation]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        matrix_id = str(self.matrix_id)

        valid = self.valid

        activity_count = self.activity_count

        violations = []
        for violations_item_data in self.violations:
            violations_item = violations_item_data.to_dict()
            violations.append(violations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "matrix_id": matrix_id,
                "valid": valid,
                "activity_count": activity_count,
                "violations": violations,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.raci_violation import RaciViolation  # noqa: PLC0415

        d = dict(src_dict)
        matrix_id = UUID(d.pop("matrix_id"))

        valid = d.pop("valid")

        activity_count = d.pop("activity_count")

        violations = []
        _violations = d.pop("violations")
        for violations_item_data in _violations:
            violations_item = RaciViolation.from_dict(violations_item_data)

            violations.append(violations_item)

        raci_validation = cls(
            matrix_id=matrix_id,
            valid=valid,
            activity_count=activity_count,
            violations=violations,
        )

        raci_validation.additional_properties = d
        return raci_validation

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
