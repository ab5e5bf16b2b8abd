from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.renewal_sweep_result import RenewalSweepResult
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    horizon_days: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["horizon_days"] = horizon_days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/inventory/admin/renewal-sweep",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RenewalSweepResult | None:
    if response.status_code == 200:
        response_200 = RenewalSweepResult.from_dict(response.json())

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
) -> Response[Problem | RenewalSweepResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    horizon_days: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RenewalSweepResult]:
    """Announce the tenant's due contract renewals now

     Runs the renewal sweep the service otherwise runs on its own every
    `MOPS_INVENTORY_RENEWAL_SWEEP_SECONDS`, now and for the caller's tenant only: every contract
    whose renewal is still ahead and whose notice deadline (its renewal date when it has no notice
    period) falls on or before `as_of + horizon_days` (already passed included) gets one
    `contract.renewal_due` event in the outbox, unless one was already recorded for its current
    renewal date. Running it again records nothing new. Needs the `admin` scope. Accepts
    `Idempotency-Key` (with an empty body).

    Args:
        horizon_days (int | Unset):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RenewalSweepResult]
    """

    kwargs = _get_kwargs(
        horizon_days=horizon_days,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    horizon_days: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RenewalSweepResult | None:
    """Announce the tenant's due contract renewals now

     Runs the renewal sweep the service otherwise runs on its own every
    `MOPS_INVENTORY_RENEWAL_SWEEP_SECONDS`, now and for the caller's tenant only: every contract
    whose renewal is still ahead and whose notice deadline (its renewal date when it has no notice
    period) falls on or before `as_of + horizon_days` (already passed included) gets one
    `contract.renewal_due` event in the outbox, unless one was already recorded for its current
    renewal date. Running it again records nothing new. Needs the `admin` scope. Accepts
    `Idempotency-Key` (with an empty body).

    Args:
        horizon_days (int | Unset):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RenewalSweepResult
    """

    return sync_detailed(
        client=client,
        horizon_days=horizon_days,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    horizon_days: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[Problem | RenewalSweepResult]:
    """Announce the tenant's due contract renewals now

     Runs the renewal sweep the service otherwise runs on its own every
    `MOPS_INVENTORY_RENEWAL_SWEEP_SECONDS`, now and for the caller's tenant only: every contract
    whose renewal is still ahead and whose notice deadline (its renewal date when it has no notice
    period) falls on or before `as_of + horizon_days` (already passed included) gets one
    `contract.renewal_due` event in the outbox, unless one was already recorded for its current
    renewal date. Running it again records nothing new. Needs the `admin` scope. Accepts
    `Idempotency-Key` (with an empty body).

    Args:
        horizon_days (int | Unset):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RenewalSweepResult]
    """

    kwargs = _get_kwargs(
        horizon_days=horizon_days,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    horizon_days: int | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Problem | RenewalSweepResult | None:
    """Announce the tenant's due contract renewals now

     Runs the renewal sweep the service otherwise runs on its own every
    `MOPS_INVENTORY_RENEWAL_SWEEP_SECONDS`, now and for the caller's tenant only: every contract
    whose renewal is still ahead and whose notice deadline (its renewal date when it has no notice
    period) falls on or before `as_of + horizon_days` (already passed included) gets one
    `contract.renewal_due` event in the outbox, unless one was already recorded for its current
    renewal date. Running it again records nothing new. Needs the `admin` scope. Accepts
    `Idempotency-Key` (with an empty body).

    Args:
        horizon_days (int | Unset):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RenewalSweepResult
    """

    return (
        await asyncio_detailed(
            client=client,
            horizon_days=horizon_days,
            idempotency_key=idempotency_key,
        )
    ).parsed
