from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.plan_read import PlanRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    result_id: UUID,
    *,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/scoring/results/{result_id}/plan-draft".format(
            result_id=quote(str(result_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PlanRead | Problem | None:
    if response.status_code == 201:
        response_201 = PlanRead.from_dict(response.json())

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
) -> Response[PlanRead | Problem]:
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
    idempotency_key: str | Unset = UNSET,
) -> Response[PlanRead | Problem]:
    """Draft a plan from a result

     Writes a `draft` plan proposed from the result's weak quadrants (weakest first) and
    centre, the latest readiness verdict and the latest CX-efficiency danger processes of the
    same scope: a goal for each with measurable objectives (the weak scores and evidence to
    their targets), the barriers the evidence shows with change strategies, and a stage per
    goal with its skills and their sources and a target operating model. Edit it with PATCH.
    Accepts `Idempotency-Key`.

    Args:
        result_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanRead | Problem]
    """

    kwargs = _get_kwargs(
        result_id=result_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    result_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> PlanRead | Problem | None:
    """Draft a plan from a result

     Writes a `draft` plan proposed from the result's weak quadrants (weakest first) and
    centre, the latest readiness verdict and the latest CX-efficiency danger processes of the
    same scope: a goal for each with measurable objectives (the weak scores and evidence to
    their targets), the barriers the evidence shows with change strategies, and a stage per
    goal with its skills and their sources and a target operating model. Edit it with PATCH.
    Accepts `Idempotency-Key`.

    Args:
        result_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanRead | Problem
    """

    return sync_detailed(
        result_id=result_id,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    result_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> Response[PlanRead | Problem]:
    """Draft a plan from a result

     Writes a `draft` plan proposed from the result's weak quadrants (weakest first) and
    centre, the latest readiness verdict and the latest CX-efficiency danger processes of the
    same scope: a goal for each with measurable objectives (the weak scores and evidence to
    their targets), the barriers the evidence shows with change strategies, and a stage per
    goal with its skills and their sources and a target operating model. Edit it with PATCH.
    Accepts `Idempotency-Key`.

    Args:
        result_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PlanRead | Problem]
    """

    kwargs = _get_kwargs(
        result_id=result_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    result_id: UUID,
    *,
    client: AuthenticatedClient,
    idempotency_key: str | Unset = UNSET,
) -> PlanRead | Problem | None:
    """Draft a plan from a result

     Writes a `draft` plan proposed from the result's weak quadrants (weakest first) and
    centre, the latest readiness verdict and the latest CX-efficiency danger processes of the
    same scope: a goal for each with measurable objectives (the weak scores and evidence to
    their targets), the barriers the evidence shows with change strategies, and a stage per
    goal with its skills and their sources and a target operating model. Edit it with PATCH.
    Accepts `Idempotency-Key`.

    Args:
        result_id (UUID):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PlanRead | Problem
    """

    return (
        await asyncio_detailed(
            result_id=result_id,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
