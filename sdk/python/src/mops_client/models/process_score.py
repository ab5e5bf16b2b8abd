from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cx_quadrant import CxQuadrant

T = TypeVar("T", bound="ProcessScore")


@_attrs_define
class ProcessScore:
    """
    Attributes:
        key (str):
        name (str):
        automated (bool):
        mandatory_for_customer (bool):
        tool_ids (list[UUID]):
        company (float | None): Efficiency for the company, 0-100.
        customer (float | None): Efficiency for the customer, 0-100.
        quadrant (CxQuadrant | None):
        respondents (int):
        explanation (str):
    """

    key: str
    name: str
    automated: bool
    mandatory_for_customer: bool
    tool_ids: list[UUID]
    company: float | None
    customer: float | None
    quadrant: CxQuadrant | None
    respondents: int
    explanation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        automated = self.automated

        mandatory_for_customer = self.mandatory_for_customer

        tool_ids = []
        for tool_ids_item_data in self.tool_ids:
            tool_ids_item = str(tool_ids_item_data)
            tool_ids.append(tool_ids_item)

        company: float | None
        company = self.company

        customer: float | None
        customer = self.customer

        quadrant: None | str
        if isinstance(self.quadrant, CxQuadrant):
            quadrant = self.quadrant.value
        else:
            quadrant = self.quadrant

        respondents = self.respondents

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "automated": automated,
                "mandatory_for_customer": mandatory_for_customer,
                "tool_ids": tool_ids,
                "company": company,
                "customer": customer,
                "quadrant": quadrant,
                "respondents": respondents,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        automated = d.pop("automated")

        mandatory_for_customer = d.pop("mandatory_for_customer")

        tool_ids = []
        _tool_ids = d.pop("tool_ids")
        for tool_ids_item_data in _tool_ids:
            tool_ids_item = UUID(tool_ids_item_data)

            tool_ids.append(tool_ids_item)

        def _parse_company(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        company = _parse_company(d.pop("company"))

        def _parse_customer(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        customer = _parse_customer(d.pop("customer"))

        def _parse_quadrant(data: object) -> CxQuadrant | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                quadrant_type_0 = CxQuadrant(data)

                return quadrant_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CxQuadrant | None, data)

        quadrant = _parse_quadrant(d.pop("quadrant"))

        respondents = d.pop("respondents")

        explanation = d.pop("explanation")

        process_score = cls(
            key=key,
            name=name,
            automated=automated,
            mandatory_for_customer=mandatory_for_customer,
            tool_ids=tool_ids,
            company=company,
            customer=customer,
            quadrant=quadrant,
            respondents=respondents,
            explanation=explanation,
        )

        process_score.additional_properties = d
        return process_score

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
