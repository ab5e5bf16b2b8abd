from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operating_model import OperatingModel

if TYPE_CHECKING:
    from ..models.model_basis import ModelBasis


T = TypeVar("T", bound="InferredModel")


@_attrs_define
class InferredModel:
    """The declared operating model beside the one the data suggests.

    Attributes:
        declared (None | OperatingModel): The profile's model; null if undeclared.
        inferred (None | OperatingModel): The model the data suggests; null when there is not enough data.
        agrees (bool | None): Whether the two are the same; null when either is null.
        basis (ModelBasis): The figures the operating model is inferred from.

            A unit is *edge* when it is a business unit or a region, or lies below one; *outside*
            marketing when it is a function other than marketing's (sales, IT, legal) or lies below
            one; every other unit is *central* (the rules are in the inferred model's description).
            People are the active people of the tenant. A tool (retired ones left out) is owned by the
            units its owners name, or, for an owner naming only a person, by that person's unit.
        reasons (list[str]): How the rules were applied, in order.
    """

    declared: None | OperatingModel
    inferred: None | OperatingModel
    agrees: bool | None
    basis: ModelBasis
    reasons: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        declared: None | str
        if isinstance(self.declared, OperatingModel):
            declared = self.declared.value
        else:
            declared = self.declared

        inferred: None | str
        if isinstance(self.inferred, OperatingModel):
            inferred = self.inferred.value
        else:
            inferred = self.inferred

        agrees: bool | None
        agrees = self.agrees

        basis = self.basis.to_dict()

        reasons = self.reasons

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "declared": declared,
                "inferred": inferred,
                "agrees": agrees,
                "basis": basis,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_basis import ModelBasis  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_declared(data: object) -> None | OperatingModel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declared_type_0 = OperatingModel(data)

                return declared_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OperatingModel, data)

        declared = _parse_declared(d.pop("declared"))

        def _parse_inferred(data: object) -> None | OperatingModel:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                inferred_type_0 = OperatingModel(data)

                return inferred_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OperatingModel, data)

        inferred = _parse_inferred(d.pop("inferred"))

        def _parse_agrees(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        agrees = _parse_agrees(d.pop("agrees"))

        basis = ModelBasis.from_dict(d.pop("basis"))

        reasons = cast(list[str], d.pop("reasons"))

        inferred_model = cls(
            declared=declared,
            inferred=inferred,
            agrees=agrees,
            basis=basis,
            reasons=reasons,
        )

        inferred_model.additional_properties = d
        return inferred_model

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
