from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.result_read import ResultRead
from ...types import Response


def _get_kwargs(
    result_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/scoring/results/{result_id}".format(
            result_id=quote(str(result_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResultRead | None:
    if response.status_code == 200:
        response_200 = ResultRead.from_dict(response.json())

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
) -> Response[Problem | ResultRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    result_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ResultRead]:
    """Get a result

     One computed result as it was when computed: every dimension's score with the
    contributions it came from (answers and evidence, with their weights and raw values), and
    what the framework's kind derives from them (quadrants, efficiency, tipping points).

    Args:
        result_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultRead]
    """

    kwargs = _get_kwargs(
        result_id=result_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    result_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ResultRead | None:
    """Get a result

     One computed result as it was when computed: every dimension's score with the
    contributions it came from (answers and evidence, with their weights and raw values), and
    what the framework's kind derives from them (quadrants, efficiency, tipping points).

    Args:
        result_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultRead
    """

    return sync_detailed(
        result_id=result_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    result_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ResultRead]:
    """Get a result

     One computed result as it was when computed: every dimension's score with the
    contributions it came from (answers and evidence, with their weights and raw values), and
    what the framework's kind derives from them (quadrants, efficiency, tipping points).

    Args:
        result_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultRead]
    """

    kwargs = _get_kwargs(
        result_id=result_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    result_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ResultRead | None:
    """Get a result

     One computed result as it was when computed: every dimension's score with the
    contributions it came from (answers and evidence, with their weights and raw values), and
    what the framework's kind derives from them (quadrants, efficiency, tipping points).

    Args:
        result_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultRead
    """

    return (
        await asyncio_detailed(
            result_id=result_id,
            client=client,
        )
    ).parsed
