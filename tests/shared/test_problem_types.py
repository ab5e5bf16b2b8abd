"""The problem types: one per status, and RFC 9457's `about:blank` for a status without one."""

from __future__ import annotations

from mops_shared.contracts.problem_types import (
    BY_SLUG,
    BY_STATUS,
    PROBLEM_TYPES,
    problem_type_and_title,
)


def test_each_type_has_its_own_status_and_slug() -> None:
    assert len(BY_STATUS) == len(BY_SLUG) == len(PROBLEM_TYPES)
    for problem in PROBLEM_TYPES:
        assert problem_type_and_title(problem.status) == (problem.uri, problem.title)
        assert problem.uri == f"/problems/{problem.slug}"


def test_a_status_without_a_page_is_about_blank_with_the_status_phrase() -> None:
    assert problem_type_and_title(408) == ("about:blank", "Request Timeout")
    assert problem_type_and_title(599) == ("about:blank", "Error")  # no phrase for it
