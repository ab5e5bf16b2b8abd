from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.respondent_page import RespondentPage
from ...models.respondent_sort import RespondentSort
from ...types import UNSET, Response, Unset


def _get_kwargs(
    assessment_id: UUID,
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RespondentSort | Unset = RespondentSort.ADDED_AT,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/scoring/assessments/{assessment_id}/respondents".format(
            assessment_id=quote(str(assessment_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RespondentPage | None:
    if response.status_code == 200:
        response_200 = RespondentPage.from_dict(response.json())

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
) -> Response[Problem | RespondentPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    assessment_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RespondentSort | Unset = RespondentSort.ADDED_AT,
) -> Response[Problem | RespondentPage]:
    """List respondents

     The respondents, each with whether they have responded.

    Args:
        assessment_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (RespondentSort | Unset):  Default: RespondentSort.ADDED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RespondentPage]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RespondentSort | Unset = RespondentSort.ADDED_AT,
) -> Problem | RespondentPage | None:
    """List respondents

     The respondents, each with whether they have responded.

    Args:
        assessment_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (RespondentSort | Unset):  Default: RespondentSort.ADDED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RespondentPage
    """

    return sync_detailed(
        assessment_id=assessment_id,
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
    ).parsed


async def asyncio_detailed(
    assessment_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RespondentSort | Unset = RespondentSort.ADDED_AT,
) -> Response[Problem | RespondentPage]:
    """List respondents

     The respondents, each with whether they have responded.

    Args:
        assessment_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (RespondentSort | Unset):  Default: RespondentSort.ADDED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RespondentPage]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        limit=limit,
        cursor=cursor,
        sort=sort,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment_id: UUID,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RespondentSort | Unset = RespondentSort.ADDED_AT,
) -> Problem | RespondentPage | None:
    """List respondents

     The respondents, each with whether they have responded.

    Args:
        assessment_id (UUID):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (RespondentSort | Unset):  Default: RespondentSort.ADDED_AT.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RespondentPage
    """

    return (
        await asyncio_detailed(
            assessment_id=assessment_id,
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
        )
    ).parsed
