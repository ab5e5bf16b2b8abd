from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.org_profile_put import OrgProfilePut
from ...models.org_profile_read import OrgProfileRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OrgProfilePut,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/org/profile",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OrgProfileRead | Problem | None:
    if response.status_code == 200:
        response_200 = OrgProfileRead.from_dict(response.json())

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
) -> Response[OrgProfileRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OrgProfilePut,
    if_match: str | Unset = UNSET,
) -> Response[OrgProfileRead | Problem]:
    """Replace the organisation profile

     Replaces the whole profile: a field left out is cleared. The first write creates it
    (`If-Match: "0"` asks that it was never written). A PUT that changes nothing keeps the
    version and records nothing. Honours `If-Match`.

    Args:
        if_match (str | Unset):
        body (OrgProfilePut): The whole profile: a field left out is cleared (null), as a field
            sent as null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgProfileRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OrgProfilePut,
    if_match: str | Unset = UNSET,
) -> OrgProfileRead | Problem | None:
    """Replace the organisation profile

     Replaces the whole profile: a field left out is cleared. The first write creates it
    (`If-Match: "0"` asks that it was never written). A PUT that changes nothing keeps the
    version and records nothing. Honours `If-Match`.

    Args:
        if_match (str | Unset):
        body (OrgProfilePut): The whole profile: a field left out is cleared (null), as a field
            sent as null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgProfileRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OrgProfilePut,
    if_match: str | Unset = UNSET,
) -> Response[OrgProfileRead | Problem]:
    """Replace the organisation profile

     Replaces the whole profile: a field left out is cleared. The first write creates it
    (`If-Match: "0"` asks that it was never written). A PUT that changes nothing keeps the
    version and records nothing. Honours `If-Match`.

    Args:
        if_match (str | Unset):
        body (OrgProfilePut): The whole profile: a field left out is cleared (null), as a field
            sent as null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OrgProfileRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OrgProfilePut,
    if_match: str | Unset = UNSET,
) -> OrgProfileRead | Problem | None:
    """Replace the organisation profile

     Replaces the whole profile: a field left out is cleared. The first write creates it
    (`If-Match: "0"` asks that it was never written). A PUT that changes nothing keeps the
    version and records nothing. Honours `If-Match`.

    Args:
        if_match (str | Unset):
        body (OrgProfilePut): The whole profile: a field left out is cleared (null), as a field
            sent as null.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OrgProfileRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
