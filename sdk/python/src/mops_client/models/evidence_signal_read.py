from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_source import EvidenceSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="EvidenceSignalRead")


@_attrs_define
class EvidenceSignalRead:
    """
    Attributes:
        key (str):
        name (str):
        sources (list[EvidenceSource]):
        unit (str): `share` (0-1), `level` (0-1) or `count`: what the raw value measures.
        formula (str): How the raw value is computed (under a framework's `evidence_rules` 1).
        formula_rules_2 (None | str | Unset): How it is computed under `evidence_rules` 2, where that differs; null
            where it is the same.
    """

    key: str
    name: str
    sources: list[EvidenceSource]
    unit: str
    formula: str
    formula_rules_2: None | str | Unset = UNSET
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

        formula_rules_2: None | str | Unset
        if isinstance(self.formula_rules_2, Unset):
            formula_rules_2 = UNSET
        else:
            formula_rules_2 = self.formula_rules_2

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
        if formula_rules_2 is not UNSET:
            field_dict["formula_rules_2"] = formula_rules_2

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

        def _parse_formula_rules_2(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        formula_rules_2 = _parse_formula_rules_2(d.pop("formula_rules_2", UNSET))

        evidence_signal_read = cls(
            key=key,
            name=name,
            sources=sources,
            unit=unit,
            formula=formula,
            formula_rules_2=formula_rules_2,
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
