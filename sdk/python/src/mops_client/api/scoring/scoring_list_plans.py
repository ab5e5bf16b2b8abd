from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_page import PlanPage
from ...models.plan_sort import PlanSort
from ...models.plan_status import PlanStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: PlanSort | Unset = PlanSort.VALUE_1,
    status: PlanStatus | Unset = UNSET,
    result_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_result_id: str | Unset = UNSET
    if not isinstance(result_id, Unset):
        json_result_id = str(result_id)
    params["result_id"] = json_result_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/scoring/plans",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlanPage | Problem | None:
    if response.status_code == 200:
        response_200 = PlanPage.from_dict(response.json())

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
) -> Response[PlanPage | Problem]:
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
    sort: PlanSort | Unset = PlanSort.VALUE_1,
    status: PlanStatus | Unset = UNSET,
    result_id: UUID | Unset = UNSET,
) -> Response[PlanPage | Problem]:
    """List plans

     The tenant's plans, newest first by default, optionally only drafts or adopted ones, or
    only those answering one result.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (PlanSort | Unset):  Default: PlanSort.VALUE_1.
        status (PlanStatus | Unset):
        result_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        status=status,
        result_id=result_id,
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
    sort: PlanSort | Unset = PlanSort.VALUE_1,
    status: PlanStatus | Unset = UNSET,
    result_id: UUID | Unset = UNSET,
) -> PlanPage | Problem | None:
    """List plans

     The tenant's plans, newest first by default, optionally only drafts or adopted ones, or
    only those answering one result.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (PlanSort | Unset):  Default: PlanSort.VALUE_1.
        status (PlanStatus | Unset):
        result_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        status=status,
        result_id=result_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: PlanSort | Unset = PlanSort.VALUE_1,
    status: PlanStatus | Unset = UNSET,
    result_id: UUID | Unset = UNSET,
) -> Response[PlanPage | Problem]:
    """List plans

     The tenant's plans, newest first by default, optionally only drafts or adopted ones, or
    only those answering one result.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (PlanSort | Unset):  Default: PlanSort.VALUE_1.
        status (PlanStatus | Unset):
        result_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        status=status,
        result_id=result_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: PlanSort | Unset = PlanSort.VALUE_1,
    status: PlanStatus | Unset = UNSET,
    result_id: UUID | Unset = UNSET,
) -> PlanPage | Problem | None:
    """List plans

     The tenant's plans, newest first by default, optionally only drafts or adopted ones, or
    only those answering one result.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (PlanSort | Unset):  Default: PlanSort.VALUE_1.
        status (PlanStatus | Unset):
        result_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            status=status,
            result_id=result_id,
        )
    ).parsed
