from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConnectionSecretRotation")


@_attrs_define
class ConnectionSecretRotation:
    """A new signing secret (HubSpot, generic). The previous one stays accepted beside it until
    the next rotation or until it is dropped.

        Attributes:
            secret (None | str | Unset): HubSpot: the new client secret (required). generic: a `whsec_` secret; left out,
                one is generated and shown once.
    """

    secret: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        secret: None | str | Unset
        if isinstance(self.secret, Unset):
            secret = UNSET
        else:
            secret = self.secret

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret = _parse_secret(d.pop("secret", UNSET))

        connection_secret_rotation = cls(
            secret=secret,
        )

        return connection_secret_rotation
