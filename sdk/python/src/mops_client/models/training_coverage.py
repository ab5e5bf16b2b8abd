from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrainingCoverage")


@_attrs_define
class TrainingCoverage:
    """Training coverage of the active people in a scope (see the endpoint for definitions).

    Attributes:
        people (int): Active people in the scope.
        people_with_tools (int): Of those, the people with at least one tool.
        people_covered (int): Of those, the people trained on every one of their tools.
        coverage (float | None): `people_covered / people_with_tools`; null when nobody has a tool.
        tool_assignments (int): (person, tool) pairs of the people counted.
        trained_assignments (int): Of those pairs, the ones where the person is trained on the tool.
        assignment_coverage (float | None): `trained_assignments / tool_assignments`; null when there is no pair.
    """

    people: int
    people_with_tools: int
    people_covered: int
    coverage: float | None
    tool_assignments: int
    trained_assignments: int
    assignment_coverage: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        people = self.people

        people_with_tools = self.people_with_tools

        people_covered = self.people_covered

        coverage: float | None
        coverage = self.coverage

        tool_assignments = self.tool_assignments

        trained_assignments = self.trained_assignments

        assignment_coverage: float | None
        assignment_coverage = self.assignment_coverage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "people": people,
                "people_with_tools": people_with_tools,
                "people_covered": people_covered,
                "coverage": coverage,
                "tool_assignments": tool_assignments,
                "trained_assignments": trained_assignments,
                "assignment_coverage": assignment_coverage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        people = d.pop("people")

        people_with_tools = d.pop("people_with_tools")

        people_covered = d.pop("people_covered")

        def _parse_coverage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        coverage = _parse_coverage(d.pop("coverage"))

        tool_assignments = d.pop("tool_assignments")

        trained_assignments = d.pop("trained_assignments")

        def _parse_assignment_coverage(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        assignment_coverage = _parse_assignment_coverage(d.pop("assignment_coverage"))

        training_coverage = cls(
            people=people,
            people_with_tools=people_with_tools,
            people_covered=people_covered,
            coverage=coverage,
            tool_assignments=tool_assignments,
            trained_assignments=trained_assignments,
            assignment_coverage=assignment_coverage,
        )

        training_coverage.additional_properties = d
        return training_coverage

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
