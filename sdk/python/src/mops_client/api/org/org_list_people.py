from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.person_page import PersonPage
from ...models.person_sort import PersonSort
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: PersonSort | Unset = PersonSort.NAME,
    unit_id: UUID | Unset = UNSET,
    manager_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    role_id: UUID | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
    email: list[str] | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    params["cursor"] = cursor

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_unit_id: str | Unset = UNSET
    if not isinstance(unit_id, Unset):
        json_unit_id = str(unit_id)
    params["unit_id"] = json_unit_id

    json_manager_id: str | Unset = UNSET
    if not isinstance(manager_id, Unset):
        json_manager_id = str(manager_id)
    params["manager_id"] = json_manager_id

    params["active"] = active

    json_role_id: str | Unset = UNSET
    if not isinstance(role_id, Unset):
        json_role_id = str(role_id)
    params["role_id"] = json_role_id

    json_id: list[str] | Unset = UNSET
    if not isinstance(id, Unset):
        json_id = []
        for id_item_data in id:
            id_item = str(id_item_data)
            json_id.append(id_item)

    params["id"] = json_id

    json_email: list[str] | Unset = UNSET
    if not isinstance(email, Unset):
        json_email = email

    params["email"] = json_email

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/org/people",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PersonPage | Problem | None:
    if response.status_code == 200:
        response_200 = PersonPage.from_dict(response.json())

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
) -> Response[PersonPage | Problem]:
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
    sort: PersonSort | Unset = PersonSort.NAME,
    unit_id: UUID | Unset = UNSET,
    manager_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    role_id: UUID | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
    email: list[str] | Unset = UNSET,
) -> Response[PersonPage | Problem]:
    """List people

     The people of the tenant, a page at a time (cursor pagination), each with its
    `role_ids`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (PersonSort | Unset): The orders of `GET /v1/org/people`; `-` sorts descending.
            Default: PersonSort.NAME.
        unit_id (UUID | Unset):
        manager_id (UUID | Unset):
        active (bool | Unset):
        role_id (UUID | Unset):
        id (list[UUID] | Unset):
        email (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        unit_id=unit_id,
        manager_id=manager_id,
        active=active,
        role_id=role_id,
        id=id,
        email=email,
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
    sort: PersonSort | Unset = PersonSort.NAME,
    unit_id: UUID | Unset = UNSET,
    manager_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    role_id: UUID | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
    email: list[str] | Unset = UNSET,
) -> PersonPage | Problem | None:
    """List people

     The people of the tenant, a page at a time (cursor pagination), each with its
    `role_ids`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (PersonSort | Unset): The orders of `GET /v1/org/people`; `-` sorts descending.
            Default: PersonSort.NAME.
        unit_id (UUID | Unset):
        manager_id (UUID | Unset):
        active (bool | Unset):
        role_id (UUID | Unset):
        id (list[UUID] | Unset):
        email (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        sort=sort,
        unit_id=unit_id,
        manager_id=manager_id,
        active=active,
        role_id=role_id,
        id=id,
        email=email,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: PersonSort | Unset = PersonSort.NAME,
    unit_id: UUID | Unset = UNSET,
    manager_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    role_id: UUID | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
    email: list[str] | Unset = UNSET,
) -> Response[PersonPage | Problem]:
    """List people

     The people of the tenant, a page at a time (cursor pagination), each with its
    `role_ids`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (PersonSort | Unset): The orders of `GET /v1/org/people`; `-` sorts descending.
            Default: PersonSort.NAME.
        unit_id (UUID | Unset):
        manager_id (UUID | Unset):
        active (bool | Unset):
        role_id (UUID | Unset):
        id (list[UUID] | Unset):
        email (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        sort=sort,
        unit_id=unit_id,
        manager_id=manager_id,
        active=active,
        role_id=role_id,
        id=id,
        email=email,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    sort: PersonSort | Unset = PersonSort.NAME,
    unit_id: UUID | Unset = UNSET,
    manager_id: UUID | Unset = UNSET,
    active: bool | Unset = UNSET,
    role_id: UUID | Unset = UNSET,
    id: list[UUID] | Unset = UNSET,
    email: list[str] | Unset = UNSET,
) -> PersonPage | Problem | None:
    """List people

     The people of the tenant, a page at a time (cursor pagination), each with its
    `role_ids`.

    Args:
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        sort (PersonSort | Unset): The orders of `GET /v1/org/people`; `-` sorts descending.
            Default: PersonSort.NAME.
        unit_id (UUID | Unset):
        manager_id (UUID | Unset):
        active (bool | Unset):
        role_id (UUID | Unset):
        id (list[UUID] | Unset):
        email (list[str] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            sort=sort,
            unit_id=unit_id,
            manager_id=manager_id,
            active=active,
            role_id=role_id,
            id=id,
            email=email,
        )
    ).parsed
