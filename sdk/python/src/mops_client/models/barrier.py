from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.barrier_kind import BarrierKind
from ..models.severity import Severity

T = TypeVar("T", bound="Barrier")


@_attrs_define
class Barrier:
    """
    Attributes:
        kind (BarrierKind):
        description (str):
        severity (Severity):
        change_strategy (str):
    """

    kind: BarrierKind
    description: str
    severity: Severity
    change_strategy: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        description = self.description

        severity = self.severity.value

        change_strategy = self.change_strategy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "description": description,
                "severity": severity,
                "change_strategy": change_strategy,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = BarrierKind(d.pop("kind"))

        description = d.pop("description")

        severity = Severity(d.pop("severity"))

        change_strategy = d.pop("change_strategy")

        barrier = cls(
            kind=kind,
            description=description,
            severity=severity,
            change_strategy=change_strategy,
        )

        return barrier
