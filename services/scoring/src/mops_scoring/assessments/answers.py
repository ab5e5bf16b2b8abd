"""A response judged against its framework version: every answer to a question of the
framework, on that question's scale, and every required question answered (for each process
when the question is asked per process). Each failure at its JSON pointer."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from mops_scoring.assessments.schemas import ResponseSubmit
from mops_scoring.frameworks.schemas import FrameworkDocument, Question, Scale
from mops_shared.contracts.problem import ProblemFieldError
from mops_shared.kit.errors import body_error, pointer_token


def scale_of(document: FrameworkDocument, question: Question) -> Scale:
    return question.scale or document.scale


def check_response(
    document: FrameworkDocument, process_keys: Sequence[str], submit: ResponseSubmit
) -> list[ProblemFieldError]:
    errors: list[ProblemFieldError] = []

    def add(pointer: str, detail: str) -> None:
        errors.append(body_error(pointer, detail))

    once = {q.key: q for q in document.questions if not q.per_process}
    per_process = {q.key: q for q in document.questions if q.per_process}
    _check_answers(document, once, submit.answers, "/answers", add)
    for process_key, answers in submit.process_answers.items():
        at = f"/process_answers/{pointer_token(process_key)}"
        if process_key not in process_keys:
            add(at, "no process with this key in the assessment")
            continue
        _check_answers(document, per_process, answers, at, add)
    if per_process and any(q.required for q in per_process.values()):
        unrated = [key for key in process_keys if key not in submit.process_answers]
        if unrated:
            add("/process_answers", f"no answers for the processes: {', '.join(unrated)}")
    return errors


def _check_answers(
    document: FrameworkDocument,
    questions: Mapping[str, Question],
    answers: Mapping[str, int],
    at: str,
    add: Callable[[str, str], None],
) -> None:
    for key, value in answers.items():
        question = questions.get(key)
        pointer = f"{at}/{pointer_token(key)}"
        if question is None:
            add(pointer, "no question with this key is asked here")
            continue
        scale = scale_of(document, question)
        if not scale.min <= value <= scale.max:
            add(pointer, f"{value} is off the scale: answer from {scale.min} to {scale.max}")
    missing = [key for key, q in questions.items() if q.required and key not in answers]
    if missing:
        add(at, f"required questions not answered: {', '.join(missing)}")
