"""Forged cursors sent to the real list endpoints: a page (200) or a 422 at `cursor`, never a 5xx.

A cursor is base64url JSON of `{"s": sort name, "v": [the last row's sort values]}`; the forged
ones keep the right sort name most of the time, so that their values reach the decoding of each
list's columns (and, were they not checked, SQL).
"""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support import new_principal, principal_headers

# Each list's sort names, as the `sort` parameter takes them (None: a list without one) and as
# its cursors carry them, with the count of values they carry; `{id}` in a path is a fresh id
# (the list may answer 404 for it).
_ENDPOINTS: dict[str, dict[str, list[tuple[str | None, str, int]]]] = {
    "inventory": {
        "/v1/inventory/categories": [("name", "name", 2), ("-created_at", "-created_at", 2)],
        "/v1/inventory/tools": [("name", "name", 2), ("created_at", "created_at", 2)],
        "/v1/inventory/contracts": [
            ("created_at", "created_at", 2),
            ("renewal_date", "renewal_date", 2),
        ],
        "/v1/inventory/tools/{id}/licence-usage": [(None, "as_of", 2)],
        "/v1/inventory/integrations": [("created_at", "created_at", 2)],
        "/v1/inventory/outcomes": [(None, "-occurred_at", 2)],
        "/v1/inventory/scenarios": [("name", "name", 2), ("-created_at", "-created_at", 2)],
        "/v1/inventory/custom-fields": [(None, "created_at", 2)],
        "/v1/inventory/reports/redundancy": [(None, "money_at_stake", 3)],
        "/v1/inventory/reports/integration-coverage": [(None, "name", 2)],
        "/v1/inventory/reports/renewals": [(None, "deadline", 4)],
        "/v1/inventory/reports/adoption": [(None, "utilisation", 4)],
        "/v1/inventory/reports/returns": [(None, "return_ratio", 4)],
        "/v1/inventory/reports/ownership": [(None, "name", 2)],
        "/v1/inventory/audit": [(None, "-occurred_at", 2)],
    },
    "org": {
        "/v1/org/units": [("name", "name", 2), ("-created_at", "-created_at", 2)],
        "/v1/org/units/{id}/subtree": [(None, "depth", 3)],
        "/v1/org/people": [("name", "name", 2), ("email", "email", 2)],
        "/v1/org/roles": [("name", "name", 2)],
        "/v1/org/roles/{id}/skill-gaps": [(None, "name", 2)],
        "/v1/org/raci-matrices": [("-name", "-name", 2)],
        "/v1/org/coordination-mechanisms": [("name", "name", 2)],
        "/v1/org/training-programmes": [("name", "name", 2)],
        "/v1/org/training-programmes/{id}/enrolments": [("enrolled_at", "enrolled_at", 2)],
        "/v1/org/audit": [(None, "-occurred_at", 2)],
    },
    "scoring": {
        "/v1/scoring/frameworks": [("key", "key", 3)],
        "/v1/scoring/evidence-signals": [(None, "key", 1)],
        "/v1/scoring/assessments": [("-created_at", "-created_at", 2), ("name", "name", 2)],
        "/v1/scoring/assessments/{id}/respondents": [("added_at", "added_at", 2)],
        "/v1/scoring/assessments/{id}/responses": [("submitted_at", "submitted_at", 2)],
        "/v1/scoring/results": [("-computed_at", "-computed_at", 2)],
        "/v1/scoring/plans": [("-created_at", "-created_at", 2), ("name", "name", 2)],
        "/v1/scoring/audit": [(None, "-occurred_at", 2)],
    },
}

_TEXT = st.text(st.characters(codec=None, min_codepoint=0, max_codepoint=0xFFFF), max_size=12)
_NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)
_WELL_FORMED = st.one_of(
    st.uuids().map(str),
    st.datetimes(timezones=st.none() | st.timezones()).map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()),
)
_TAGGED = st.fixed_dictionaries(
    {}, optional={"dt": _WELL_FORMED | _TEXT | _NUMBERS, "d": _WELL_FORMED, "uuid": _TEXT}
) | st.sampled_from(["dt", "d", "uuid", "x"]).flatmap(
    lambda tag: st.fixed_dictionaries({tag: _WELL_FORMED | _TEXT | _NUMBERS | st.none()})
)
_VALUE = st.recursive(
    st.none() | _NUMBERS | _TEXT | _WELL_FORMED | _TAGGED,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=2),
    max_leaves=6,
)


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _forged(sort_name: str, count: int) -> st.SearchStrategy[str]:
    """Cursors of this sort with forged values, of other shapes, and garbage."""
    values = st.lists(_VALUE, min_size=count, max_size=count) | st.lists(_VALUE, max_size=5)
    # The standard library writes NaN, Infinity and unpaired surrogates (as `\\ud800`).
    as_json = st.builds(
        lambda name, v: json.dumps({"s": name, "v": v}).encode(),
        st.just(sort_name) | _TEXT,
        values,
    )
    other_shapes = st.builds(lambda v: json.dumps(v).encode(), _VALUE)
    raw = as_json | as_json | other_shapes | st.binary(max_size=40)
    return raw.map(_b64) | st.text(max_size=40)


def _requests(service: str) -> st.SearchStrategy[tuple[str, dict[str, str]]]:
    def one(path: str) -> st.SearchStrategy[tuple[str, dict[str, str]]]:
        def with_sort(option: tuple[str | None, str, int]) -> st.SearchStrategy[Any]:
            sort_param, sort_name, count = option
            params = st.fixed_dictionaries(
                {"cursor": _forged(sort_name, count)}, optional={"limit": st.just("2")}
            )
            if sort_param is not None:
                params = params.map(lambda p: {**p, "sort": sort_param})
            return params.map(lambda p: (path, p))

        return st.sampled_from(_ENDPOINTS[service][path]).flatmap(with_sort)

    return st.sampled_from(sorted(_ENDPOINTS[service])).flatmap(one)


async def _assert_page_or_cursor_problem(
    app: FastAPI, service: str, template: str, params: dict[str, str]
) -> None:
    path = template.replace("{id}", str(uuid.uuid4()))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{service}.test") as client:
        client.headers.update(principal_headers(new_principal()))
        response = await client.get(path, params=params)
    if response.status_code == 200:
        return
    # A list under a fresh id may be not found before its cursor is read.
    refusals = (404, 422) if "{id}" in template else (422,)
    assert response.status_code in refusals, (path, params, response.text)
    assert response.headers["content-type"] == "application/problem+json"
    if response.status_code == 422:
        pointers = [(e["location"], e["pointer"]) for e in response.json()["errors"]]
        assert ("query", "/cursor") in pointers, (path, params, response.text)


_FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.asyncio
@_FUZZ
@given(request=_requests("inventory"))
async def test_forged_inventory_cursors_are_refused_not_failed(
    service_apps: dict[str, FastAPI], request: tuple[str, dict[str, str]]
) -> None:
    await _assert_page_or_cursor_problem(service_apps["inventory"], "inventory", *request)


@pytest.mark.asyncio
@_FUZZ
@given(request=_requests("org"))
async def test_forged_org_cursors_are_refused_not_failed(
    service_apps: dict[str, FastAPI], request: tuple[str, dict[str, str]]
) -> None:
    await _assert_page_or_cursor_problem(service_apps["org"], "org", *request)


@pytest.mark.asyncio
@_FUZZ
@given(request=_requests("scoring"))
async def test_forged_scoring_cursors_are_refused_not_failed(
    service_apps: dict[str, FastAPI], request: tuple[str, dict[str, str]]
) -> None:
    await _assert_page_or_cursor_problem(service_apps["scoring"], "scoring", *request)
