from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="RateLimit")


@_attrs_define
class RateLimit:
    """
    Attributes:
        requests_per_minute (int): Sustained rate.
        burst (int): Requests allowed at once.
    """

    requests_per_minute: int
    burst: int

    def to_dict(self) -> dict[str, Any]:
        requests_per_minute = self.requests_per_minute

        burst = self.burst

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "requests_per_minute": requests_per_minute,
                "burst": burst,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        requests_per_minute = d.pop("requests_per_minute")

        burst = d.pop("burst")

        rate_limit = cls(
            requests_per_minute=requests_per_minute,
            burst=burst,
        )

        return rate_limit
