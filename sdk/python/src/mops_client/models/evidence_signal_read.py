from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_source import EvidenceSource

T = TypeVar("T", bound="EvidenceSignalRead")


@_attrs_define
class EvidenceSignalRead:
    """
    Attributes:
        key (str):
        name (str):
        sources (list[EvidenceSource]):
        unit (str): `share` (0-1), `level` (0-1) or `count`: what the raw value measures.
        formula (str): How the raw value is computed.
    """

    key: str
    name: str
    sources: list[EvidenceSource]
    unit: str
    formula: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.value
            sources.append(sources_item)

        unit = self.unit

        formula = self.formula

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "sources": sources,
                "unit": unit,
                "formula": formula,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = EvidenceSource(sources_item_data)

            sources.append(sources_item)

        unit = d.pop("unit")

        formula = d.pop("formula")

        evidence_signal_read = cls(
            key=key,
            name=name,
            sources=sources,
            unit=unit,
            formula=formula,
        )

        evidence_signal_read.additional_properties = d
        return evidence_signal_read

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
