from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.outcome_kind import OutcomeKind
from ..models.outcome_source import OutcomeSource
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.outcome_create_attributes import OutcomeCreateAttributes


T = TypeVar("T", bound="OutcomeCreate")


@_attrs_define
class OutcomeCreate:
    """
    Attributes:
        tool_id (UUID):
        kind (OutcomeKind):
        occurred_at (datetime.datetime):
        quantity (int | Unset): e.g. leads counted at once. Default: 1.
        amount (Money | None | Unset): Required for revenue.
        source (OutcomeSource | Unset):
        external_id (None | str | Unset): Unique per source: sending the same one again never counts twice.
        attributes (OutcomeCreateAttributes | Unset): Where it came from: campaign, source, UTM, ...
    """

    tool_id: UUID
    kind: OutcomeKind
    occurred_at: datetime.datetime
    quantity: int | Unset = 1
    amount: Money | None | Unset = UNSET
    source: OutcomeSource | Unset = UNSET
    external_id: None | str | Unset = UNSET
    attributes: OutcomeCreateAttributes | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.money import Money  # noqa: PLC0415

        tool_id = str(self.tool_id)

        kind = self.kind.value

        occurred_at = self.occurred_at.isoformat()

        quantity = self.quantity

        amount: dict[str, Any] | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        elif isinstance(self.amount, Money):
            amount = self.amount.to_dict()
        else:
            amount = self.amount

        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "tool_id": tool_id,
                "kind": kind,
                "occurred_at": occurred_at,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if amount is not UNSET:
            field_dict["amount"] = amount
        if source is not UNSET:
            field_dict["source"] = source
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if attributes is not UNSET:
            field_dict["attributes"] = attributes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415
        from ..models.outcome_create_attributes import OutcomeCreateAttributes  # noqa: PLC0415

        d = dict(src_dict)
        tool_id = UUID(d.pop("tool_id"))

        kind = OutcomeKind(d.pop("kind"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        quantity = d.pop("quantity", UNSET)

        def _parse_amount(data: object) -> Money | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                amount_type_0 = Money.from_dict(data)

                return amount_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Money | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        _source = d.pop("source", UNSET)
        source: OutcomeSource | Unset
        if isinstance(_source, Unset):
            source = UNSET
        else:
            source = OutcomeSource(_source)

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        _attributes = d.pop("attributes", UNSET)
        attributes: OutcomeCreateAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = OutcomeCreateAttributes.from_dict(_attributes)

        outcome_create = cls(
            tool_id=tool_id,
            kind=kind,
            occurred_at=occurred_at,
            quantity=quantity,
            amount=amount,
            source=source,
            external_id=external_id,
            attributes=attributes,
        )

        return outcome_create
