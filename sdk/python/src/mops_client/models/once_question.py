from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scale import Scale


T = TypeVar("T", bound="OnceQuestion")


@_attrs_define
class OnceQuestion:
    """A question of a five-forces or MO-readiness framework: answered once.

    Attributes:
        key (str):
        dimension (str): The key of the dimension the question scores.
        text (str):
        weight (float): Its share of its dimension's answers; they sum to 1.
        required (bool | Unset): Every respondent must answer it. Default: True.
        scale (None | Scale | Unset): Its own scale; else the framework's.
        per_process (bool | Unset): Only CX-efficiency questions are answered per process. Default: False.
    """

    key: str
    dimension: str
    text: str
    weight: float
    required: bool | Unset = True
    scale: None | Scale | Unset = UNSET
    per_process: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        from ..models.scale import Scale  # noqa: PLC0415

        key = self.key

        dimension = self.dimension

        text = self.text

        weight = self.weight

        required = self.required

        scale: dict[str, Any] | None | Unset
        if isinstance(self.scale, Unset):
            scale = UNSET
        elif isinstance(self.scale, Scale):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        per_process = self.per_process

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "dimension": dimension,
                "text": text,
                "weight": weight,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required
        if scale is not UNSET:
            field_dict["scale"] = scale
        if per_process is not UNSET:
            field_dict["per_process"] = per_process

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scale import Scale  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        dimension = d.pop("dimension")

        text = d.pop("text")

        weight = d.pop("weight")

        required = d.pop("required", UNSET)

        def _parse_scale(data: object) -> None | Scale | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scale_type_0 = Scale.from_dict(data)

                return scale_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Scale | Unset, data)

        scale = _parse_scale(d.pop("scale", UNSET))

        per_process = d.pop("per_process", UNSET)

        once_question = cls(
            key=key,
            dimension=dimension,
            text=text,
            weight=weight,
            required=required,
            scale=scale,
            per_process=per_process,
        )

        return once_question
