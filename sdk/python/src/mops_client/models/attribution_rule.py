from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AttributionRule")


@_attrs_define
class AttributionRule:
    """A CRM property value that names the marketing tool an event is attributed to, e.g.
    HubSpot `hs_analytics_source` = `PAID_SEARCH` -> "Google Ads".

        Attributes:
            property_ (str):
            equals (str):
            tool_name (str):
    """

    property_: str
    equals: str
    tool_name: str

    def to_dict(self) -> dict[str, Any]:
        property_ = self.property_

        equals = self.equals

        tool_name = self.tool_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "property": property_,
                "equals": equals,
                "tool_name": tool_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        property_ = d.pop("property")

        equals = d.pop("equals")

        tool_name = d.pop("tool_name")

        attribution_rule = cls(
            property_=property_,
            equals=equals,
            tool_name=tool_name,
        )

        return attribution_rule
