from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TrainingCoverageRead")


@_attrs_define
class TrainingCoverageRead:
    """
    Attributes:
        people (int): Active people in the scope.
        people_with_tools (int): Of those, the people with at least one tool.
        people_covered (int): Of those, the people trained on every one of their tools.
        coverage (float | None): `people_covered / people_with_tools`; null when nobody has a tool.
        tool_assignments (int): (person, tool) pairs of the people counted.
        trained_assignments (int): Of those pairs, the ones where the person is trained on the tool.
        assignment_coverage (float | None): `trained_assignments / tool_assignments`; null when there is no pair.
        unit_id (None | UUID): The unit asked about, or null.
        include_subunits (bool): Whether the unit's subunits were counted.
        role_id (None | UUID): The role asked about, or null.
    """

    people: int
    people_with_tools: int
    people_covered: int
    coverage: float | None
    tool_assignments: int
    trained_assignments: int
    assignment_coverage: float | None
    unit_id: None | UUID
    include_subunits: bool
    role_id: None | UUID
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

        unit_id: None | str
        if isinstance(self.unit_id, UUID):
            unit_id = str(self.unit_id)
        else:
            unit_id = self.unit_id

        include_subunits = self.include_subunits

        role_id: None | str
        if isinstance(self.role_id, UUID):
            role_id = str(self.role_id)
        else:
            role_id = self.role_id

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
                "unit_id": unit_id,
                "include_subunits": include_subunits,
                "role_id": role_id,
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

        def _parse_unit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                unit_id_type_0 = UUID(data)

                return unit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        unit_id = _parse_unit_id(d.pop("unit_id"))

        include_subunits = d.pop("include_subunits")

        def _parse_role_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                role_id_type_0 = UUID(data)

                return role_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        role_id = _parse_role_id(d.pop("role_id"))

        training_coverage_read = cls(
            people=people,
            people_with_tools=people_with_tools,
            people_covered=people_covered,
            coverage=coverage,
            tool_assignments=tool_assignments,
            trained_assignments=trained_assignments,
            assignment_coverage=assignment_coverage,
            unit_id=unit_id,
            include_subunits=include_subunits,
            role_id=role_id,
        )

        training_coverage_read.additional_properties = d
        return training_coverage_read

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
