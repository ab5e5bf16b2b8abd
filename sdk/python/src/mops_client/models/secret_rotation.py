from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretRotation")


@_attrs_define
class SecretRotation:
    """A new signing secret. The previous one keeps signing beside it for `overlap_seconds`, so
    receivers can switch without losing a delivery.

        Attributes:
            secret (str | Unset): A `whsec_` secret (24 to 64 bytes, base64); left out, one is generated.
            overlap_seconds (int | Unset): How long the previous secret keeps signing too (0 to 7 days; 0 drops it).
                Default: 86400.
    """

    secret: str | Unset = UNSET
    overlap_seconds: int | Unset = 86400

    def to_dict(self) -> dict[str, Any]:
        secret = self.secret

        overlap_seconds = self.overlap_seconds

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if secret is not UNSET:
            field_dict["secret"] = secret
        if overlap_seconds is not UNSET:
            field_dict["overlap_seconds"] = overlap_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        secret = d.pop("secret", UNSET)

        overlap_seconds = d.pop("overlap_seconds", UNSET)

        secret_rotation = cls(
            secret=secret,
            overlap_seconds=overlap_seconds,
        )

        return secret_rotation
