from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.person_skill_gaps import PersonSkillGaps
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    person_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/people/{person_id}/skill-gaps".format(
            person_id=quote(str(person_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PersonSkillGaps | Problem | None:
    if response.status_code == 200:
        response_200 = PersonSkillGaps.from_dict(response.json())

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
) -> Response[PersonSkillGaps | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[PersonSkillGaps | Problem]:
    """Get a person's skill gaps

     The skills the person's roles require more of than they hold, by skill name, each with
    the roles asking more (highest requirement first). A person's requirement for a skill is
    the highest `min_proficiency` any of their roles asks; what they hold is their proficiency
    (0 when none is recorded); a gap is a requirement above that, the shortfall the
    difference.

    Args:
        person_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonSkillGaps | Problem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PersonSkillGaps | Problem | None:
    """Get a person's skill gaps

     The skills the person's roles require more of than they hold, by skill name, each with
    the roles asking more (highest requirement first). A person's requirement for a skill is
    the highest `min_proficiency` any of their roles asks; what they hold is their proficiency
    (0 when none is recorded); a gap is a requirement above that, the shortfall the
    difference.

    Args:
        person_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonSkillGaps | Problem
    """

    return sync_detailed(
        person_id=person_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[PersonSkillGaps | Problem]:
    """Get a person's skill gaps

     The skills the person's roles require more of than they hold, by skill name, each with
    the roles asking more (highest requirement first). A person's requirement for a skill is
    the highest `min_proficiency` any of their roles asks; what they hold is their proficiency
    (0 when none is recorded); a gap is a requirement above that, the shortfall the
    difference.

    Args:
        person_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonSkillGaps | Problem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
) -> PersonSkillGaps | Problem | None:
    """Get a person's skill gaps

     The skills the person's roles require more of than they hold, by skill name, each with
    the roles asking more (highest requirement first). A person's requirement for a skill is
    the highest `min_proficiency` any of their roles asks; what they hold is their proficiency
    (0 when none is recorded); a gap is a requirement above that, the shortfall the
    difference.

    Args:
        person_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonSkillGaps | Problem
    """

    return (
        await asyncio_detailed(
            person_id=person_id,
            client=client,
        )
    ).parsed
