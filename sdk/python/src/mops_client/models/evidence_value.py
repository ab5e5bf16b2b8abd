from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_source import EvidenceSource

if TYPE_CHECKING:
    from ..models.evidence_value_basis import EvidenceValueBasis


T = TypeVar("T", bound="EvidenceValue")


@_attrs_define
class EvidenceValue:
    """
    Attributes:
        signal (str):
        name (str):
        sources (list[EvidenceSource]):
        unit (str):
        raw (float | None): The computed value; null when it could not be.
        basis (EvidenceValueBasis): The figures it was computed from.
        missing (None | str): Why there is no value, if there is none.
    """

    signal: str
    name: str
    sources: list[EvidenceSource]
    unit: str
    raw: float | None
    basis: EvidenceValueBasis
    missing: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        signal = self.signal

        name = self.name

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.value
            sources.append(sources_item)

        unit = self.unit

        raw: float | None
        raw = self.raw

        basis = self.basis.to_dict()

        missing: None | str
        missing = self.missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "signal": signal,
                "name": name,
                "sources": sources,
                "unit": unit,
                "raw": raw,
                "basis": basis,
                "missing": missing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence_value_basis import EvidenceValueBasis  # noqa: PLC0415

        d = dict(src_dict)
        signal = d.pop("signal")

        name = d.pop("name")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = EvidenceSource(sources_item_data)

            sources.append(sources_item)

        unit = d.pop("unit")

        def _parse_raw(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        raw = _parse_raw(d.pop("raw"))

        basis = EvidenceValueBasis.from_dict(d.pop("basis"))

        def _parse_missing(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        missing = _parse_missing(d.pop("missing"))

        evidence_value = cls(
            signal=signal,
            name=name,
            sources=sources,
            unit=unit,
            raw=raw,
            basis=basis,
            missing=missing,
        )

        evidence_value.additional_properties = d
        return evidence_value

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
