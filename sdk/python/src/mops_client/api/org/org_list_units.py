from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.unit_page import UnitPage
from ...models.unit_sort import UnitSort
from ...models.unit_type import UnitType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: UnitSort | Unset = UnitSort.NAME,
    parent_id: UUID | Unset = UNSET,
    type_: UnitType | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_parent_id: str | Unset = UNSET
    if not isinstance(parent_id, Unset):
        json_parent_id = str(parent_id)
    params["parent_id"] = json_parent_id

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_id: list[str] | Unset = UNSET
    if not isinstance(id, Unset):
        json_id = []
        for id_item_data in id:
            id_item = str(id_item_data)
            json_id.append(id_item)

    params["id"] = json_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/units",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | UnitPage | None:
    if response.status_code == 200:
        response_200 = UnitPage.from_dict(response.json())

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
) -> Response[Problem | UnitPage]:
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
    sort: UnitSort | Unset = UnitSort.NAME,
    parent_id: UUID | Unset = UNSET,
    type_: UnitType | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> Response[Problem | UnitPage]:
    """List units

     The units of the tenant, a page at a time (cursor pagination).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (UnitSort | Unset): The orders of `GET /v1/org/units`; `-` sorts descending. Default:
            UnitSort.NAME.
        parent_id (UUID | Unset):
        type_ (UnitType | Unset):
        id (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        parent_id=parent_id,
        type_=type_,
        id=id,
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
    sort: UnitSort | Unset = UnitSort.NAME,
    parent_id: UUID | Unset = UNSET,
    type_: UnitType | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> Problem | UnitPage | None:
    """List units

     The units of the tenant, a page at a time (cursor pagination).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (UnitSort | Unset): The orders of `GET /v1/org/units`; `-` sorts descending. Default:
            UnitSort.NAME.
        parent_id (UUID | Unset):
        type_ (UnitType | Unset):
        id (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        parent_id=parent_id,
        type_=type_,
        id=id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: UnitSort | Unset = UnitSort.NAME,
    parent_id: UUID | Unset = UNSET,
    type_: UnitType | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> Response[Problem | UnitPage]:
    """List units

     The units of the tenant, a page at a time (cursor pagination).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (UnitSort | Unset): The orders of `GET /v1/org/units`; `-` sorts descending. Default:
            UnitSort.NAME.
        parent_id (UUID | Unset):
        type_ (UnitType | Unset):
        id (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UnitPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        parent_id=parent_id,
        type_=type_,
        id=id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: UnitSort | Unset = UnitSort.NAME,
    parent_id: UUID | Unset = UNSET,
    type_: UnitType | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
) -> Problem | UnitPage | None:
    """List units

     The units of the tenant, a page at a time (cursor pagination).

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (UnitSort | Unset): The orders of `GET /v1/org/units`; `-` sorts descending. Default:
            UnitSort.NAME.
        parent_id (UUID | Unset):
        type_ (UnitType | Unset):
        id (list[UUID] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UnitPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            parent_id=parent_id,
            type_=type_,
            id=id,
        )
    ).parsed
