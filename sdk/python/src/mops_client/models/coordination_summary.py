from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.coordination_summary_by_kind import CoordinationSummaryByKind
    from ..models.coordination_summary_by_level import CoordinationSummaryByLevel


T = TypeVar("T", bound="CoordinationSummary")


@_attrs_define
class CoordinationSummary:
    """The tenant's coordination mechanisms in figures.

    Attributes:
        mechanisms (int):
        by_level (CoordinationSummaryByLevel): Mechanisms per integration level, every level present (0 when none).
        by_kind (CoordinationSummaryByKind): Mechanisms per kind, every kind present (0 when none).
        maturity (float | None): The mean level with ad_hoc = 0, standardised = 1, formalised = 2, divided by 2: 0 (all
            ad hoc) to 1 (all formalised); null when there is no mechanism.
    """

    mechanisms: int
    by_level: CoordinationSummaryByLevel
    by_kind: CoordinationSummaryByKind
    maturity: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mechanisms = self.mechanisms

        by_level = self.by_level.to_dict()

        by_kind = self.by_kind.to_dict()

        maturity: float | None
        maturity = self.maturity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "mechanisms": mechanisms,
                "by_level": by_level,
                "by_kind": by_kind,
                "maturity": maturity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.coordination_summary_by_kind import CoordinationSummaryByKind  # noqa: PLC0415
        from ..models.coordination_summary_by_level import CoordinationSummaryByLevel  # noqa: PLC0415

        d = dict(src_dict)
        mechanisms = d.pop("mechanisms")

        by_level = CoordinationSummaryByLevel.from_dict(d.pop("by_level"))

        by_kind = CoordinationSummaryByKind.from_dict(d.pop("by_kind"))

        def _parse_maturity(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        maturity = _parse_maturity(d.pop("maturity"))

        coordination_summary = cls(
            mechanisms=mechanisms,
            by_level=by_level,
            by_kind=by_kind,
            maturity=maturity,
        )

        coordination_summary.additional_properties = d
        return coordination_summary

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
