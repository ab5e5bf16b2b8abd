from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.event_type_selector import EventTypeSelector
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubscriptionCreate")


@_attrs_define
class SubscriptionCreate:
    """
    Attributes:
        url (str): Where events are posted: http(s) on a public address (private, loopback and link-local addresses are
            refused, unless the deployment lifts this for tests and local development: MOPS_WEBHOOKS_ALLOW_PRIVATE_TARGETS).
        event_types (list[EventTypeSelector]): Exact types (`tool.created`), families (`tool.*`) or `*` for every event.
        description (None | str | Unset):
        secret (str | Unset): A Standard Webhooks `whsec_` secret (24 to 64 bytes, base64); left out, one is generated.
            Either way it is shown once, in this answer.
    """

    url: str
    event_types: list[EventTypeSelector]
    description: None | str | Unset = UNSET
    secret: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types = []
        for event_types_item_data in self.event_types:
            event_types_item = event_types_item_data.value
            event_types.append(event_types_item)

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        secret = self.secret

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "event_types": event_types,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        event_types = []
        _event_types = d.pop("event_types")
        for event_types_item_data in _event_types:
            event_types_item = EventTypeSelector(event_types_item_data)

            event_types.append(event_types_item)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        secret = d.pop("secret", UNSET)

        subscription_create = cls(
            url=url,
            event_types=event_types,
            description=description,
            secret=secret,
        )

        return subscription_create
