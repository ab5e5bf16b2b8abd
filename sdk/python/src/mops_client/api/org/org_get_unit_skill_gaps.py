from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.unit_skill_gaps import UnitSkillGaps
from ...types import UNSET, Response, Unset


def _get_kwargs(
    unit_id: UUID,
    *,
    include_subunits: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["include_subunits"] = include_subunits

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/units/{unit_id}/skill-gaps".format(
            unit_id=quote(str(unit_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | UnitSkillGaps | None:
    if response.status_code == 200:
        response_200 = UnitSkillGaps.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | UnitSkillGaps]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    unit_id: UUID,
    *,
    client: AuthenticatedClient,
    include_subunits: bool | Unset = False,
) -> Response[Problem | UnitSkillGaps]:
    """Get a unit's skill gaps

     Over the active people of the unit (and of every unit below it with
    `include_subunits=true`), per skill their roles require: `people_requiring` it,
    `people_short` of it, their `total_shortfall` and `average_shortfall` (over those short,
    0 when nobody is); most people short first, then by skill. Also the `people` counted and
    `people_with_gaps` (short of at least one skill). A person's requirement for a skill is the
    highest `min_proficiency` any of their roles asks; what they hold is their proficiency (0
    when none is recorded).

    Args:
        unit_id (UUID):
        include_subunits (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitSkillGaps]
    """

    kwargs = _get_kwargs(
        unit_id=unit_id,
        include_subunits=include_subunits,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    unit_id: UUID,
    *,
    client: AuthenticatedClient,
    include_subunits: bool | Unset = False,
) -> Problem | UnitSkillGaps | None:
    """Get a unit's skill gaps

     Over the active people of the unit (and of every unit below it with
    `include_subunits=true`), per skill their roles require: `people_requiring` it,
    `people_short` of it, their `total_shortfall` and `average_shortfall` (over those short,
    0 when nobody is); most people short first, then by skill. Also the `people` counted and
    `people_with_gaps` (short of at least one skill). A person's requirement for a skill is the
    highest `min_proficiency` any of their roles asks; what they hold is their proficiency (0
    when none is recorded).

    Args:
        unit_id (UUID):
        include_subunits (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitSkillGaps
    """

    return sync_detailed(
        unit_id=unit_id,
        client=client,
        include_subunits=include_subunits,
    ).parsed


async def asyncio_detailed(
    unit_id: UUID,
    *,
    client: AuthenticatedClient,
    include_subunits: bool | Unset = False,
) -> Response[Problem | UnitSkillGaps]:
    """Get a unit's skill gaps

     Over the active people of the unit (and of every unit below it with
    `include_subunits=true`), per skill their roles require: `people_requiring` it,
    `people_short` of it, their `total_shortfall` and `average_shortfall` (over those short,
    0 when nobody is); most people short first, then by skill. Also the `people` counted and
    `people_with_gaps` (short of at least one skill). A person's requirement for a skill is the
    highest `min_proficiency` any of their roles asks; what they hold is their proficiency (0
    when none is recorded).

    Args:
        unit_id (UUID):
        include_subunits (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitSkillGaps]
    """

    kwargs = _get_kwargs(
        unit_id=unit_id,
        include_subunits=include_subunits,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    unit_id: UUID,
    *,
    client: AuthenticatedClient,
    include_subunits: bool | Unset = False,
) -> Problem | UnitSkillGaps | None:
    """Get a unit's skill gaps

     Over the active people of the unit (and of every unit below it with
    `include_subunits=true`), per skill their roles require: `people_requiring` it,
    `people_short` of it, their `total_shortfall` and `average_shortfall` (over those short,
    0 when nobody is); most people short first, then by skill. Also the `people` counted and
    `people_with_gaps` (short of at least one skill). A person's requirement for a skill is the
    highest `min_proficiency` any of their roles asks; what they hold is their proficiency (0
    when none is recorded).

    Args:
        unit_id (UUID):
        include_subunits (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitSkillGaps
    """

    return (
        await asyncio_detailed(
            unit_id=unit_id,
            client=client,
            include_subunits=include_subunits,
        )
    ).parsed
