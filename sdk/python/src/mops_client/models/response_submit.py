from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.response_submit_answers import ResponseSubmitAnswers
    from ..models.response_submit_process_answers import ResponseSubmitProcessAnswers


T = TypeVar("T", bound="ResponseSubmit")


@_attrs_define
class ResponseSubmit:
    """One respondent's answers: a whole number on the question's scale per question, and for
    a CX-efficiency framework, per process.

        Attributes:
            answers (ResponseSubmitAnswers | Unset): Question key to answer (questions not per process).
            process_answers (ResponseSubmitProcessAnswers | Unset): Process key to {question key: answer} (per-process
                questions).
    """

    answers: ResponseSubmitAnswers | Unset = UNSET
    process_answers: ResponseSubmitProcessAnswers | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.answers, Unset):
            answers = self.answers.to_dict()

        process_answers: dict[str, Any] | Unset = UNSET
        if not isinstance(self.process_answers, Unset):
            process_answers = self.process_answers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if answers is not UNSET:
            field_dict["answers"] = answers
        if process_answers is not UNSET:
            field_dict["process_answers"] = process_answers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_submit_answers import ResponseSubmitAnswers  # noqa: PLC0415
        from ..models.response_submit_process_answers import ResponseSubmitProcessAnswers  # noqa: PLC0415

        d = dict(src_dict)
        _answers = d.pop("answers", UNSET)
        answers: ResponseSubmitAnswers | Unset
        if isinstance(_answers, Unset):
            answers = UNSET
        else:
            answers = ResponseSubmitAnswers.from_dict(_answers)

        _process_answers = d.pop("process_answers", UNSET)
        process_answers: ResponseSubmitProcessAnswers | Unset
        if isinstance(_process_answers, Unset):
            process_answers = UNSET
        else:
            process_answers = ResponseSubmitProcessAnswers.from_dict(_process_answers)

        response_submit = cls(
            answers=answers,
            process_answers=process_answers,
        )

        return response_submit
