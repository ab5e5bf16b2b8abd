from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.raci_matrix_page import RaciMatrixPage
from ...models.raci_matrix_sort import RaciMatrixSort
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RaciMatrixSort | Unset = RaciMatrixSort.NAME,
    valid: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    params["valid"] = valid

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/raci-matrices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RaciMatrixPage | None:
    if response.status_code == 200:
        response_200 = RaciMatrixPage.from_dict(response.json())

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
) -> Response[Problem | RaciMatrixPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RaciMatrixSort | Unset = RaciMatrixSort.NAME,
    valid: bool | Unset = UNSET,
) -> Response[Problem | RaciMatrixPage]:
    """List RACI matrices

     The tenant's matrices by name, a page at a time (cursor pagination), each with `valid`
    and `violation_count` as of this read.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (RaciMatrixSort | Unset): The orders of `GET /v1/org/raci-matrices`; `-` sorts
            descending. Default: RaciMatrixSort.NAME.
        valid (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RaciMatrixPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        valid=valid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RaciMatrixSort | Unset = RaciMatrixSort.NAME,
    valid: bool | Unset = UNSET,
) -> Problem | RaciMatrixPage | None:
    """List RACI matrices

     The tenant's matrices by name, a page at a time (cursor pagination), each with `valid`
    and `violation_count` as of this read.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (RaciMatrixSort | Unset): The orders of `GET /v1/org/raci-matrices`; `-` sorts
            descending. Default: RaciMatrixSort.NAME.
        valid (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RaciMatrixPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        valid=valid,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RaciMatrixSort | Unset = RaciMatrixSort.NAME,
    valid: bool | Unset = UNSET,
) -> Response[Problem | RaciMatrixPage]:
    """List RACI matrices

     The tenant's matrices by name, a page at a time (cursor pagination), each with `valid`
    and `violation_count` as of this read.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (RaciMatrixSort | Unset): The orders of `GET /v1/org/raci-matrices`; `-` sorts
            descending. Default: RaciMatrixSort.NAME.
        valid (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RaciMatrixPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        valid=valid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: RaciMatrixSort | Unset = RaciMatrixSort.NAME,
    valid: bool | Unset = UNSET,
) -> Problem | RaciMatrixPage | None:
    """List RACI matrices

     The tenant's matrices by name, a page at a time (cursor pagination), each with `valid`
    and `violation_count` as of this read.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (RaciMatrixSort | Unset): The orders of `GET /v1/org/raci-matrices`; `-` sorts
            descending. Default: RaciMatrixSort.NAME.
        valid (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RaciMatrixPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            valid=valid,
        )
    ).parsed
