from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_severity import ImportSeverity

T = TypeVar("T", bound="OrgImportProblem")


@_attrs_define
class OrgImportProblem:
    """
    Attributes:
        pointer (str): JSON pointer into the imported document.
        code (str): What kind of defect (stable, for machines).
        problem (str):
        severity (ImportSeverity): An error keeps its row (or item) out of the import; a warning is reported and
            imported.
    """

    pointer: str
    code: str
    problem: str
    severity: ImportSeverity
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pointer = self.pointer

        code = self.code

        problem = self.problem

        severity = self.severity.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pointer": pointer,
                "code": code,
                "problem": problem,
                "severity": severity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pointer = d.pop("pointer")

        code = d.pop("code")

        problem = d.pop("problem")

        severity = ImportSeverity(d.pop("severity"))

        org_import_problem = cls(
            pointer=pointer,
            code=code,
            problem=problem,
            severity=severity,
        )

        org_import_problem.additional_properties = d
        return org_import_problem

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
