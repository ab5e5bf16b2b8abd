from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.contribution import Contribution
    from ..models.spread import Spread


T = TypeVar("T", bound="DimensionScore")


@_attrs_define
class DimensionScore:
    """
    Attributes:
        key (str):
        name (str):
        score (float | None): 0-100; null when neither part has an input.
        answers_score (float | None):
        evidence_score (float | None):
        answers_share (float): The share answers took in the score (the framework's `answers_weight`, or 0/1 when only
            one part had inputs).
        weak (bool):
        spread (Spread): How far respondents' own scores for a dimension lie apart: disagreement is a finding.
        contributions (list[Contribution]):
        explanation (str):
    """

    key: str
    name: str
    score: float | None
    answers_score: float | None
    evidence_score: float | None
    answers_share: float
    weak: bool
    spread: Spread
    contributions: list[Contribution]
    explanation: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        name = self.name

        score: float | None
        score = self.score

        answers_score: float | None
        answers_score = self.answers_score

        evidence_score: float | None
        evidence_score = self.evidence_score

        answers_share = self.answers_share

        weak = self.weak

        spread = self.spread.to_dict()

        contributions = []
        for contributions_item_data in self.contributions:
            contributions_item = contributions_item_data.to_dict()
            contributions.append(contributions_item)

        explanation = self.explanation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "name": name,
                "score": score,
                "answers_score": answers_score,
                "evidence_score": evidence_score,
                "answers_share": answers_share,
                "weak": weak,
                "spread": spread,
                "contributions": contributions,
                "explanation": explanation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contribution import Contribution  # noqa: PLC0415
        from ..models.spread import Spread  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        name = d.pop("name")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_answers_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        answers_score = _parse_answers_score(d.pop("answers_score"))

        def _parse_evidence_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        evidence_score = _parse_evidence_score(d.pop("evidence_score"))

        answers_share = d.pop("answers_share")

        weak = d.pop("weak")

        spread = Spread.from_dict(d.pop("spread"))

        contributions = []
        _contributions = d.pop("contributions")
        for contributions_item_data in _contributions:
            contributions_item = Contribution.from_dict(contributions_item_data)

            contributions.append(contributions_item)

        explanation = d.pop("explanation")

        dimension_score = cls(
            key=key,
            name=name,
            score=score,
            answers_score=answers_score,
            evidence_score=evidence_score,
            answers_share=answers_share,
            weak=weak,
            spread=spread,
            contributions=contributions,
            explanation=explanation,
        )

        dimension_score.additional_properties = d
        return dimension_score

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
