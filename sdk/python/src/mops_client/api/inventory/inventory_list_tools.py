from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tool_page import ToolPage
from ...models.tool_sort import ToolSort
from ...models.tool_status import ToolStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: ToolSort | Unset = ToolSort.NAME,
    status: ToolStatus | Unset = UNSET,
    category_id: UUID | Unset = UNSET,
    vendor: str | Unset = UNSET,
    capability: str | Unset = UNSET,
    owner_unit_id: UUID | Unset = UNSET,
    name: str | Unset = UNSET,
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

    json_category_id: str | Unset = UNSET
    if not isinstance(category_id, Unset):
        json_category_id = str(category_id)
    params["category_id"] = json_category_id

    params["vendor"] = vendor

    params["capability"] = capability

    json_owner_unit_id: str | Unset = UNSET
    if not isinstance(owner_unit_id, Unset):
        json_owner_unit_id = str(owner_unit_id)
    params["owner_unit_id"] = json_owner_unit_id

    params["name"] = name

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/tools",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ToolPage | None:
    if response.status_code == 200:
        response_200 = ToolPage.from_dict(response.json())

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
) -> Response[Problem | ToolPage]:
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
    sort: ToolSort | Unset = ToolSort.NAME,
    status: ToolStatus | Unset = UNSET,
    category_id: UUID | Unset = UNSET,
    vendor: str | Unset = UNSET,
    capability: str | Unset = UNSET,
    owner_unit_id: UUID | Unset = UNSET,
    name: str | Unset = UNSET,
) -> Response[Problem | ToolPage]:
    """List tools

     The tenant's tools, a page at a time.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (ToolSort | Unset): The orders of `GET /v1/inventory/tools` (`-` for descending).
            Default: ToolSort.NAME.
        status (ToolStatus | Unset):
        category_id (UUID | Unset):
        vendor (str | Unset):
        capability (str | Unset):
        owner_unit_id (UUID | Unset):
        name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ToolPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        status=status,
        category_id=category_id,
        vendor=vendor,
        capability=capability,
        owner_unit_id=owner_unit_id,
        name=name,
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
    sort: ToolSort | Unset = ToolSort.NAME,
    status: ToolStatus | Unset = UNSET,
    category_id: UUID | Unset = UNSET,
    vendor: str | Unset = UNSET,
    capability: str | Unset = UNSET,
    owner_unit_id: UUID | Unset = UNSET,
    name: str | Unset = UNSET,
) -> Problem | ToolPage | None:
    """List tools

     The tenant's tools, a page at a time.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (ToolSort | Unset): The orders of `GET /v1/inventory/tools` (`-` for descending).
            Default: ToolSort.NAME.
        status (ToolStatus | Unset):
        category_id (UUID | Unset):
        vendor (str | Unset):
        capability (str | Unset):
        owner_unit_id (UUID | Unset):
        name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ToolPage
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        status=status,
        category_id=category_id,
        vendor=vendor,
        capability=capability,
        owner_unit_id=owner_unit_id,
        name=name,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: ToolSort | Unset = ToolSort.NAME,
    status: ToolStatus | Unset = UNSET,
    category_id: UUID | Unset = UNSET,
    vendor: str | Unset = UNSET,
    capability: str | Unset = UNSET,
    owner_unit_id: UUID | Unset = UNSET,
    name: str | Unset = UNSET,
) -> Response[Problem | ToolPage]:
    """List tools

     The tenant's tools, a page at a time.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (ToolSort | Unset): The orders of `GET /v1/inventory/tools` (`-` for descending).
            Default: ToolSort.NAME.
        status (ToolStatus | Unset):
        category_id (UUID | Unset):
        vendor (str | Unset):
        capability (str | Unset):
        owner_unit_id (UUID | Unset):
        name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ToolPage]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        status=status,
        category_id=category_id,
        vendor=vendor,
        capability=capability,
        owner_unit_id=owner_unit_id,
        name=name,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: ToolSort | Unset = ToolSort.NAME,
    status: ToolStatus | Unset = UNSET,
    category_id: UUID | Unset = UNSET,
    vendor: str | Unset = UNSET,
    capability: str | Unset = UNSET,
    owner_unit_id: UUID | Unset = UNSET,
    name: str | Unset = UNSET,
) -> Problem | ToolPage | None:
    """List tools

     The tenant's tools, a page at a time.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (ToolSort | Unset): The orders of `GET /v1/inventory/tools` (`-` for descending).
            Default: ToolSort.NAME.
        status (ToolStatus | Unset):
        category_id (UUID | Unset):
        vendor (str | Unset):
        capability (str | Unset):
        owner_unit_id (UUID | Unset):
        name (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ToolPage
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            status=status,
            category_id=category_id,
            vendor=vendor,
            capability=capability,
            owner_unit_id=owner_unit_id,
            name=name,
        )
    ).parsed
