from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.coordination_mechanism_read import CoordinationMechanismRead
from ...models.coordination_mechanism_update import CoordinationMechanismUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    mechanism_id: UUID,
    *,
    body: CoordinationMechanismUpdate,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/org/coordination-mechanisms/{mechanism_id}".format(
            mechanism_id=quote(str(mechanism_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CoordinationMechanismRead | Problem | None:
    if response.status_code == 200:
        response_200 = CoordinationMechanismRead.from_dict(response.json())

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
) -> Response[CoordinationMechanismRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    mechanism_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CoordinationMechanismUpdate,
    if_match: str | Unset = UNSET,
) -> Response[CoordinationMechanismRead | Problem]:
    """Change a coordination mechanism

     Changes the fields sent; `participating_unit_ids`, when sent, replace the participants.
    `cadence`, `description` and `owner_unit_id` may be null. A change that changes nothing
    keeps the version. Honours `If-Match`.

    Args:
        mechanism_id (UUID):
        if_match (str | Unset):
        body (CoordinationMechanismUpdate): The fields sent are changed; `participating_unit_ids`,
            when sent, replace the
            participants. `cadence`, `description` and `owner_unit_id` may be null to clear them (the
            other fields may not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationMechanismRead | Problem]
    """

    kwargs = _get_kwargs(
        mechanism_id=mechanism_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    mechanism_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CoordinationMechanismUpdate,
    if_match: str | Unset = UNSET,
) -> CoordinationMechanismRead | Problem | None:
    """Change a coordination mechanism

     Changes the fields sent; `participating_unit_ids`, when sent, replace the participants.
    `cadence`, `description` and `owner_unit_id` may be null. A change that changes nothing
    keeps the version. Honours `If-Match`.

    Args:
        mechanism_id (UUID):
        if_match (str | Unset):
        body (CoordinationMechanismUpdate): The fields sent are changed; `participating_unit_ids`,
            when sent, replace the
            participants. `cadence`, `description` and `owner_unit_id` may be null to clear them (the
            other fields may not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationMechanismRead | Problem
    """

    return sync_detailed(
        mechanism_id=mechanism_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    mechanism_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CoordinationMechanismUpdate,
    if_match: str | Unset = UNSET,
) -> Response[CoordinationMechanismRead | Problem]:
    """Change a coordination mechanism

     Changes the fields sent; `participating_unit_ids`, when sent, replace the participants.
    `cadence`, `description` and `owner_unit_id` may be null. A change that changes nothing
    keeps the version. Honours `If-Match`.

    Args:
        mechanism_id (UUID):
        if_match (str | Unset):
        body (CoordinationMechanismUpdate): The fields sent are changed; `participating_unit_ids`,
            when sent, replace the
            participants. `cadence`, `description` and `owner_unit_id` may be null to clear them (the
            other fields may not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CoordinationMechanismRead | Problem]
    """

    kwargs = _get_kwargs(
        mechanism_id=mechanism_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    mechanism_id: UUID,
    *,
    client: AuthenticatedClient,
    body: CoordinationMechanismUpdate,
    if_match: str | Unset = UNSET,
) -> CoordinationMechanismRead | Problem | None:
    """Change a coordination mechanism

     Changes the fields sent; `participating_unit_ids`, when sent, replace the participants.
    `cadence`, `description` and `owner_unit_id` may be null. A change that changes nothing
    keeps the version. Honours `If-Match`.

    Args:
        mechanism_id (UUID):
        if_match (str | Unset):
        body (CoordinationMechanismUpdate): The fields sent are changed; `participating_unit_ids`,
            when sent, replace the
            participants. `cadence`, `description` and `owner_unit_id` may be null to clear them (the
            other fields may not).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CoordinationMechanismRead | Problem
    """

    return (
        await asyncio_detailed(
            mechanism_id=mechanism_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
