from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.org_metrics import OrgMetrics
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    allow_partial: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["allow_partial"] = allow_partial

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/metrics",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrgMetrics | Problem | None:
    if response.status_code == 200:
        response_200 = OrgMetrics.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())

        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        response_504 = Problem.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OrgMetrics | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    allow_partial: bool | Unset = False,
) -> Response[OrgMetrics | Problem]:
    """The organisation in figures

     The organisation in figures, in one response: what the scoring service reads as evidence.
    Only **active** people are counted. A unit is **central** unless it is a business unit or a
    region, or lies below one (then it is an **edge** unit).

    - `people`: active people in central units, in edge units, and in no unit;
      `centralisation_ratio` = central / (central + edge), null when both are 0.
    - `centre_of_excellence`: the units of type `centre_of_excellence` or `marketing_ops_centre`,
      and the active people in them or in any unit below one of them.
    - `spans_of_control`: for every person with at least one active direct report (people whose
      `manager_id` names them), the number of direct reports: how many managers, the mean, the
      median, the maximum, and how many managers have more than 10.
    - `raci`: every RACI matrix validated (see `/v1/org/raci-matrices/{id}/validation`):
      activities, activities without any violation, `completeness` = complete / activities (null
      without activities), violations in all and per rule.
    - `coordination`: coordination mechanisms per integration level and per kind; `maturity` =
      mean level (ad_hoc 0, standardised 1, formalised 2) / 2, from 0 to 1, null without any.
    - `training`: training coverage of all active people (see `/v1/org/training/coverage`): a
      person's tools are the non-retired inventory tools naming them or their unit as an owner; a
      person is covered when they completed a wave including each of their tools; `coverage` =
      covered / people with tools.
    - `skill_gaps_by_role`: per role (built-in and the tenant's): active holders, holders below at
      least one of the role's minimum proficiencies, and the (person, skill) pairs below them.
    - `model`: the declared operating model beside the one inferred from where people and tool
      ownership sit (see `/v1/org/profile/inferred-model`).

    The inventory is asked once (for tool ownership). If it cannot be, the answer is a 503/504
    problem, unless `allow_partial=true`: then `training` and `model` are null and named in
    `unavailable` — never zeros.

    Args:
        allow_partial (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgMetrics | Problem]
    """

    kwargs = _get_kwargs(
        allow_partial=allow_partial,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    allow_partial: bool | Unset = False,
) -> OrgMetrics | Problem | None:
    """The organisation in figures

     The organisation in figures, in one response: what the scoring service reads as evidence.
    Only **active** people are counted. A unit is **central** unless it is a business unit or a
    region, or lies below one (then it is an **edge** unit).

    - `people`: active people in central units, in edge units, and in no unit;
      `centralisation_ratio` = central / (central + edge), null when both are 0.
    - `centre_of_excellence`: the units of type `centre_of_excellence` or `marketing_ops_centre`,
      and the active people in them or in any unit below one of them.
    - `spans_of_control`: for every person with at least one active direct report (people whose
      `manager_id` names them), the number of direct reports: how many managers, the mean, the
      median, the maximum, and how many managers have more than 10.
    - `raci`: every RACI matrix validated (see `/v1/org/raci-matrices/{id}/validation`):
      activities, activities without any violation, `completeness` = complete / activities (null
      without activities), violations in all and per rule.
    - `coordination`: coordination mechanisms per integration level and per kind; `maturity` =
      mean level (ad_hoc 0, standardised 1, formalised 2) / 2, from 0 to 1, null without any.
    - `training`: training coverage of all active people (see `/v1/org/training/coverage`): a
      person's tools are the non-retired inventory tools naming them or their unit as an owner; a
      person is covered when they completed a wave including each of their tools; `coverage` =
      covered / people with tools.
    - `skill_gaps_by_role`: per role (built-in and the tenant's): active holders, holders below at
      least one of the role's minimum proficiencies, and the (person, skill) pairs below them.
    - `model`: the declared operating model beside the one inferred from where people and tool
      ownership sit (see `/v1/org/profile/inferred-model`).

    The inventory is asked once (for tool ownership). If it cannot be, the answer is a 503/504
    problem, unless `allow_partial=true`: then `training` and `model` are null and named in
    `unavailable` — never zeros.

    Args:
        allow_partial (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgMetrics | Problem
    """

    return sync_detailed(
        client=client,
        allow_partial=allow_partial,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    allow_partial: bool | Unset = False,
) -> Response[OrgMetrics | Problem]:
    """The organisation in figures

     The organisation in figures, in one response: what the scoring service reads as evidence.
    Only **active** people are counted. A unit is **central** unless it is a business unit or a
    region, or lies below one (then it is an **edge** unit).

    - `people`: active people in central units, in edge units, and in no unit;
      `centralisation_ratio` = central / (central + edge), null when both are 0.
    - `centre_of_excellence`: the units of type `centre_of_excellence` or `marketing_ops_centre`,
      and the active people in them or in any unit below one of them.
    - `spans_of_control`: for every person with at least one active direct report (people whose
      `manager_id` names them), the number of direct reports: how many managers, the mean, the
      median, the maximum, and how many managers have more than 10.
    - `raci`: every RACI matrix validated (see `/v1/org/raci-matrices/{id}/validation`):
      activities, activities without any violation, `completeness` = complete / activities (null
      without activities), violations in all and per rule.
    - `coordination`: coordination mechanisms per integration level and per kind; `maturity` =
      mean level (ad_hoc 0, standardised 1, formalised 2) / 2, from 0 to 1, null without any.
    - `training`: training coverage of all active people (see `/v1/org/training/coverage`): a
      person's tools are the non-retired inventory tools naming them or their unit as an owner; a
      person is covered when they completed a wave including each of their tools; `coverage` =
      covered / people with tools.
    - `skill_gaps_by_role`: per role (built-in and the tenant's): active holders, holders below at
      least one of the role's minimum proficiencies, and the (person, skill) pairs below them.
    - `model`: the declared operating model beside the one inferred from where people and tool
      ownership sit (see `/v1/org/profile/inferred-model`).

    The inventory is asked once (for tool ownership). If it cannot be, the answer is a 503/504
    problem, unless `allow_partial=true`: then `training` and `model` are null and named in
    `unavailable` — never zeros.

    Args:
        allow_partial (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgMetrics | Problem]
    """

    kwargs = _get_kwargs(
        allow_partial=allow_partial,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    allow_partial: bool | Unset = False,
) -> OrgMetrics | Problem | None:
    """The organisation in figures

     The organisation in figures, in one response: what the scoring service reads as evidence.
    Only **active** people are counted. A unit is **central** unless it is a business unit or a
    region, or lies below one (then it is an **edge** unit).

    - `people`: active people in central units, in edge units, and in no unit;
      `centralisation_ratio` = central / (central + edge), null when both are 0.
    - `centre_of_excellence`: the units of type `centre_of_excellence` or `marketing_ops_centre`,
      and the active people in them or in any unit below one of them.
    - `spans_of_control`: for every person with at least one active direct report (people whose
      `manager_id` names them), the number of direct reports: how many managers, the mean, the
      median, the maximum, and how many managers have more than 10.
    - `raci`: every RACI matrix validated (see `/v1/org/raci-matrices/{id}/validation`):
      activities, activities without any violation, `completeness` = complete / activities (null
      without activities), violations in all and per rule.
    - `coordination`: coordination mechanisms per integration level and per kind; `maturity` =
      mean level (ad_hoc 0, standardised 1, formalised 2) / 2, from 0 to 1, null without any.
    - `training`: training coverage of all active people (see `/v1/org/training/coverage`): a
      person's tools are the non-retired inventory tools naming them or their unit as an owner; a
      person is covered when they completed a wave including each of their tools; `coverage` =
      covered / people with tools.
    - `skill_gaps_by_role`: per role (built-in and the tenant's): active holders, holders below at
      least one of the role's minimum proficiencies, and the (person, skill) pairs below them.
    - `model`: the declared operating model beside the one inferred from where people and tool
      ownership sit (see `/v1/org/profile/inferred-model`).

    The inventory is asked once (for tool ownership). If it cannot be, the answer is a 503/504
    problem, unless `allow_partial=true`: then `training` and `model` are null and named in
    `unavailable` — never zeros.

    Args:
        allow_partial (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgMetrics | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            allow_partial=allow_partial,
        )
    ).parsed
