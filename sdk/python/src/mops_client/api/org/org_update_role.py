from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.role_read import RoleRead
from ...models.role_update import RoleUpdate
from ...types import UNSET, Response, Unset


def _get_kwargs(
    role_id: UUID,
    *,
    body: RoleUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/org/roles/{role_id}".format(
            role_id=quote(str(role_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RoleRead | None:
    if response.status_code == 200:
        response_200 = RoleRead.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[Problem | RoleRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    role_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoleUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | RoleRead]:
    """Change a role

     Changes the fields sent; `required_skills` replaces the whole list. A built-in role
    cannot be changed (409: create a role of your own instead). A change that changes nothing
    keeps the version. Honours `If-Match`.

    Args:
        role_id (UUID):
        if_match (str | Unset):
        body (RoleUpdate): The fields sent are changed; `required_skills`, when sent, replaces the
            whole list;
            `description` may be null to clear it (the other fields may not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoleRead]
    """

    kwargs = _get_kwargs(
        role_id=role_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    role_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoleUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | RoleRead | None:
    """Change a role

     Changes the fields sent; `required_skills` replaces the whole list. A built-in role
    cannot be changed (409: create a role of your own instead). A change that changes nothing
    keeps the version. Honours `If-Match`.

    Args:
        role_id (UUID):
        if_match (str | Unset):
        body (RoleUpdate): The fields sent are changed; `required_skills`, when sent, replaces the
            whole list;
            `description` may be null to clear it (the other fields may not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoleRead
    """

    return sync_detailed(
        role_id=role_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    role_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoleUpdate,
    if_match: str | Unset = UNSET,
) -> Response[Problem | RoleRead]:
    """Change a role

     Changes the fields sent; `required_skills` replaces the whole list. A built-in role
    cannot be changed (409: create a role of your own instead). A change that changes nothing
    keeps the version. Honours `If-Match`.

    Args:
        role_id (UUID):
        if_match (str | Unset):
        body (RoleUpdate): The fields sent are changed; `required_skills`, when sent, replaces the
            whole list;
            `description` may be null to clear it (the other fields may not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RoleRead]
    """

    kwargs = _get_kwargs(
        role_id=role_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    role_id: UUID,
    *,
    client: AuthenticatedClient,
    body: RoleUpdate,
    if_match: str | Unset = UNSET,
) -> Problem | RoleRead | None:
    """Change a role

     Changes the fields sent; `required_skills` replaces the whole list. A built-in role
    cannot be changed (409: create a role of your own instead). A change that changes nothing
    keeps the version. Honours `If-Match`.

    Args:
        role_id (UUID):
        if_match (str | Unset):
        body (RoleUpdate): The fields sent are changed; `required_skills`, when sent, replaces the
            whole list;
            `description` may be null to clear it (the other fields may not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RoleRead
    """

    return (
        await asyncio_detailed(
            role_id=role_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
