from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contribution_source import ContributionSource
from ..types import UNSET, Unset

T = TypeVar("T", bound="Contribution")


@_attrs_define
class Contribution:
    """One input of a dimension's score: a question (its respondents' mean) or an evidence
    signal (its raw value mapped to 0-100), with the weights that applied.

        Attributes:
            source (ContributionSource):
            key (str): The question's key or the evidence signal's key.
            label (str): The question's text or the evidence's name.
            weight (float): Its weight in the framework, within its part.
            share (float): Its share of the dimension's score as computed: its weight among the inputs of its part that
                counted, times the part's share. 0 when it did not count.
            score (float | None): 0-100; null when it did not count.
            raw (float | None): The mean answer on its scale (question) or the signal's raw value.
            respondents (int | None | Unset): Questions: how many respondents answered it.
            missing (None | str | Unset): Why it did not count, if it did not.
    """

    source: ContributionSource
    key: str
    label: str
    weight: float
    share: float
    score: float | None
    raw: float | None
    respondents: int | None | Unset = UNSET
    missing: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = self.source.value

        key = self.key

        label = self.label

        weight = self.weight

        share = self.share

        score: float | None
        score = self.score

        raw: float | None
        raw = self.raw

        respondents: int | None | Unset
        if isinstance(self.respondents, Unset):
            respondents = UNSET
        else:
            respondents = self.respondents

        missing: None | str | Unset
        if isinstance(self.missing, Unset):
            missing = UNSET
        else:
            missing = self.missing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "key": key,
                "label": label,
                "weight": weight,
                "share": share,
                "score": score,
                "raw": raw,
            }
        )
        if respondents is not UNSET:
            field_dict["respondents"] = respondents
        if missing is not UNSET:
            field_dict["missing"] = missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = ContributionSource(d.pop("source"))

        key = d.pop("key")

        label = d.pop("label")

        weight = d.pop("weight")

        share = d.pop("share")

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        def _parse_raw(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        raw = _parse_raw(d.pop("raw"))

        def _parse_respondents(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        respondents = _parse_respondents(d.pop("respondents", UNSET))

        def _parse_missing(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        missing = _parse_missing(d.pop("missing", UNSET))

        contribution = cls(
            source=source,
            key=key,
            label=label,
            weight=weight,
            share=share,
            score=score,
            raw=raw,
            respondents=respondents,
            missing=missing,
        )

        contribution.additional_properties = d
        return contribution

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
