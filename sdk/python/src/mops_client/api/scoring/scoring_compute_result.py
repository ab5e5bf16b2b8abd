from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.result_read import ResultRead
from ...types import UNSET, Response, Unset


def _get_kwargs(
    assessment_id: UUID,
    *,
    allow_partial: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["allow_partial"] = allow_partial

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/scoring/assessments/{assessment_id}/results".format(
            assessment_id=quote(str(assessment_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ResultRead | None:
    if response.status_code == 201:
        response_201 = ResultRead.from_dict(response.json())

        return response_201

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
    assessment_id: UUID,
    *,
    client: AuthenticatedClient,
    allow_partial: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ResultRead]:
    """Compute a result

     Scores a closed assessment (409 while open) with its framework version: every
    dimension from its respondents' answers and live evidence, quadrants and weak spots, the
    respondents' spread, and an explanation of every score. The evidence costs one call to
    the org service (its metrics) and one to the inventory (its evidence report), whatever the
    size of the tenant; 503/504 when either cannot answer, unless `allow_partial`. A result
    never changes: computing again makes a new one. The evidence is read with the caller's
    key, which must also hold `org:read` and `inventory:read` (403 otherwise). Emits
    `assessment.completed`.

    Args:
        assessment_id (UUID):
        allow_partial (bool | Unset):  Default: False.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultRead]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        allow_partial=allow_partial,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    assessment_id: UUID,
    *,
    client: AuthenticatedClient,
    allow_partial: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ResultRead | None:
    """Compute a result

     Scores a closed assessment (409 while open) with its framework version: every
    dimension from its respondents' answers and live evidence, quadrants and weak spots, the
    respondents' spread, and an explanation of every score. The evidence costs one call to
    the org service (its metrics) and one to the inventory (its evidence report), whatever the
    size of the tenant; 503/504 when either cannot answer, unless `allow_partial`. A result
    never changes: computing again makes a new one. The evidence is read with the caller's
    key, which must also hold `org:read` and `inventory:read` (403 otherwise). Emits
    `assessment.completed`.

    Args:
        assessment_id (UUID):
        allow_partial (bool | Unset):  Default: False.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultRead
    """

    return sync_detailed(
        assessment_id=assessment_id,
        client=client,
        allow_partial=allow_partial,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    assessment_id: UUID,
    *,
    client: AuthenticatedClient,
    allow_partial: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | ResultRead]:
    """Compute a result

     Scores a closed assessment (409 while open) with its framework version: every
    dimension from its respondents' answers and live evidence, quadrants and weak spots, the
    respondents' spread, and an explanation of every score. The evidence costs one call to
    the org service (its metrics) and one to the inventory (its evidence report), whatever the
    size of the tenant; 503/504 when either cannot answer, unless `allow_partial`. A result
    never changes: computing again makes a new one. The evidence is read with the caller's
    key, which must also hold `org:read` and `inventory:read` (403 otherwise). Emits
    `assessment.completed`.

    Args:
        assessment_id (UUID):
        allow_partial (bool | Unset):  Default: False.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultRead]
    """

    kwargs = _get_kwargs(
        assessment_id=assessment_id,
        allow_partial=allow_partial,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    assessment_id: UUID,
    *,
    client: AuthenticatedClient,
    allow_partial: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Problem | ResultRead | None:
    """Compute a result

     Scores a closed assessment (409 while open) with its framework version: every
    dimension from its respondents' answers and live evidence, quadrants and weak spots, the
    respondents' spread, and an explanation of every score. The evidence costs one call to
    the org service (its metrics) and one to the inventory (its evidence report), whatever the
    size of the tenant; 503/504 when either cannot answer, unless `allow_partial`. A result
    never changes: computing again makes a new one. The evidence is read with the caller's
    key, which must also hold `org:read` and `inventory:read` (403 otherwise). Emits
    `assessment.completed`.

    Args:
        assessment_id (UUID):
        allow_partial (bool | Unset):  Default: False.
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultRead
    """

    return (
        await asyncio_detailed(
            assessment_id=assessment_id,
            client=client,
            allow_partial=allow_partial,
            idempotency_key=idempotency_key,
        )
    ).parsed
