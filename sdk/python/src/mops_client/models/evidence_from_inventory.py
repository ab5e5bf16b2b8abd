from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.inventory_signal import InventorySignal

if TYPE_CHECKING:
    from ..models.band_mapping import BandMapping
    from ..models.linear_mapping import LinearMapping


T = TypeVar("T", bound="EvidenceFromInventory")


@_attrs_define
class EvidenceFromInventory:
    """Evidence of a signal computed from the inventory.

    Attributes:
        dimension (str):
        name (str):
        formula (str): How the raw value is computed, in words.
        mapping (BandMapping | LinearMapping):
        weight (float): Its share of its dimension's evidence.
        signal (InventorySignal): Signals computed from the inventory alone.
        sources (list[Literal['inventory']]): The services whose live data it is computed from: `inventory`.
    """

    dimension: str
    name: str
    formula: str
    mapping: BandMapping | LinearMapping
    weight: float
    signal: InventorySignal
    sources: list[Literal["inventory"]]

    def to_dict(self) -> dict[str, Any]:
        from ..models.linear_mapping import LinearMapping  # noqa: PLC0415

        dimension = self.dimension

        name = self.name

        formula = self.formula

        mapping: dict[str, Any]
        if isinstance(self.mapping, LinearMapping):
            mapping = self.mapping.to_dict()
        else:
            mapping = self.mapping.to_dict()

        weight = self.weight

        signal = self.signal.value

        sources = self.sources

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "dimension": dimension,
                "name": name,
                "formula": formula,
                "mapping": mapping,
                "weight": weight,
                "signal": signal,
                "sources": sources,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.band_mapping import BandMapping  # noqa: PLC0415
        from ..models.linear_mapping import LinearMapping  # noqa: PLC0415

        d = dict(src_dict)
        dimension = d.pop("dimension")

        name = d.pop("name")

        formula = d.pop("formula")

        def _parse_mapping(data: object) -> BandMapping | LinearMapping:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                mapping_type_0 = LinearMapping.from_dict(data)

                return mapping_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            mapping_type_1 = BandMapping.from_dict(data)

            return mapping_type_1

        mapping = _parse_mapping(d.pop("mapping"))

        weight = d.pop("weight")

        signal = InventorySignal(d.pop("signal"))

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = cast(Literal["inventory"], sources_item_data)
            if sources_item != "inventory":
                raise ValueError(f"sources_item must match const 'inventory', got '{sources_item}'")
            sources.append(sources_item)

        evidence_from_inventory = cls(
            dimension=dimension,
            name=name,
            formula=formula,
            mapping=mapping,
            weight=weight,
            signal=signal,
            sources=sources,
        )

        return evidence_from_inventory
