from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.raci_summary_violations_by_code import RaciSummaryViolationsByCode


T = TypeVar("T", bound="RaciSummary")


@_attrs_define
class RaciSummary:
    """The tenant's RACI matrices in figures.

    Attributes:
        matrices (int):
        activities (int): Activities of every matrix.
        complete_activities (int): Activities without any violation.
        completeness (float | None): complete_activities / activities (0 to 1); null when there is no activity.
        violations (int): Violations of every matrix.
        violations_by_code (RaciSummaryViolationsByCode): Violations per rule, every rule present (0 when none).
        purchase_activities (int): Activities of kind `purchase`: buying a tool or approving one a team brings.
        complete_purchase_activities (int): Of those, the activities without any violation.
    """

    matrices: int
    activities: int
    complete_activities: int
    completeness: float | None
    violations: int
    violations_by_code: RaciSummaryViolationsByCode
    purchase_activities: int
    complete_purchase_activities: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        matrices = self.matrices

        activities = self.activities

        complete_activities = self.complete_activities

        completeness: float | None
        completeness = self.completeness

        violations = self.violations

        violations_by_code = self.violations_by_code.to_dict()

        purchase_activities = self.purchase_activities

        complete_purchase_activities = self.complete_purchase_activities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "matrices": matrices,
                "activities": activities,
                "complete_activities": complete_activities,
                "completeness": completeness,
                "violations": violations,
                "violations_by_code": violations_by_code,
                "purchase_activities": purchase_activities,
                "complete_purchase_activities": complete_purchase_activities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.raci_summary_violations_by_code import RaciSummaryViolationsByCode  # noqa: PLC0415

        d = dict(src_dict)
        matrices = d.pop("matrices")

        activities = d.pop("activities")

        complete_activities = d.pop("complete_activities")

        def _parse_completeness(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        completeness = _parse_completeness(d.pop("completeness"))

        violations = d.pop("violations")

        violations_by_code = RaciSummaryViolationsByCode.from_dict(d.pop("violations_by_code"))

        purchase_activities = d.pop("purchase_activities")

        complete_purchase_activities = d.pop("complete_purchase_activities")

        raci_summary = cls(
            matrices=matrices,
            activities=activities,
            complete_activities=complete_activities,
            completeness=completeness,
            violations=violations,
            violations_by_code=violations_by_code,
            purchase_activities=purchase_activities,
            complete_purchase_activities=complete_purchase_activities,
        )

        raci_summary.additional_properties = d
        return raci_summary

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
