from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scale import Scale


T = TypeVar("T", bound="ProcessQuestion")


@_attrs_define
class ProcessQuestion:
    """A question of a CX-efficiency framework: answered once for each process.

    Attributes:
        key (str):
        dimension (str): The key of the dimension the question scores.
        text (str):
        weight (float): Its share of its dimension's answers; they sum to 1.
        per_process (bool): CX-efficiency questions are answered for each process of the assessment.
        required (bool | Unset): Every respondent must answer it. Default: True.
        scale (None | Scale | Unset): Its own scale; else the framework's.
    """

    key: str
    dimension: str
    text: str
    weight: float
    per_process: bool
    required: bool | Unset = True
    scale: None | Scale | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.scale import Scale  # noqa: PLC0415

        key = self.key

        dimension = self.dimension

        text = self.text

        weight = self.weight

        per_process = self.per_process

        required = self.required

        scale: dict[str, Any] | None | Unset
        if isinstance(self.scale, Unset):
            scale = UNSET
        elif isinstance(self.scale, Scale):
            scale = self.scale.to_dict()
        else:
            scale = self.scale

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key": key,
                "dimension": dimension,
                "text": text,
                "weight": weight,
                "per_process": per_process,
            }
        )
        if required is not UNSET:
            field_dict["required"] = required
        if scale is not UNSET:
            field_dict["scale"] = scale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scale import Scale  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        dimension = d.pop("dimension")

        text = d.pop("text")

        weight = d.pop("weight")

        per_process = d.pop("per_process")

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

        process_question = cls(
            key=key,
            dimension=dimension,
            text=text,
            weight=weight,
            per_process=per_process,
            required=required,
            scale=scale,
        )

        return process_question
