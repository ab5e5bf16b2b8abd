from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.currency_code import CurrencyCode
from ...models.inventory_evidence import InventoryEvidence
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    currency: CurrencyCode | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_currency: str | Unset = UNSET
    if not isinstance(currency, Unset):
        json_currency = currency.value

    params["currency"] = json_currency

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/reports/evidence",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InventoryEvidence | Problem | None:
    if response.status_code == 200:
        response_200 = InventoryEvidence.from_dict(response.json())

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
) -> Response[InventoryEvidence | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    currency: CurrencyCode | Unset = UNSET,
) -> Response[InventoryEvidence | Problem]:
    """Every inventory figure the scoring service's evidence needs, in one call

     Every inventory figure the scoring service computes its evidence signals from, in one response
    whose cost does not grow with the number of tools (aggregates, not lists).

    **Active** tools are the tools with status `active`, as in the stack reports. A tool's annual
    cost is the spend report's (the `annual_cost` of all its contracts) in `currency` only: amounts
    in other currencies are never converted, and the tools that have some are counted in
    `tools_costed_in_other_currencies`. `currency` defaults to the currency in which the most active
    tools have a contract (ties: alphabetical order). Each figure is defined in the response schema.

    422 when `currency` is not an ISO 4217 code.

    Args:
        currency (CurrencyCode | Unset): ISO 4217 code, e.g. `EUR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InventoryEvidence | Problem]
    """

    kwargs = _get_kwargs(
        currency=currency,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    currency: CurrencyCode | Unset = UNSET,
) -> InventoryEvidence | Problem | None:
    """Every inventory figure the scoring service's evidence needs, in one call

     Every inventory figure the scoring service computes its evidence signals from, in one response
    whose cost does not grow with the number of tools (aggregates, not lists).

    **Active** tools are the tools with status `active`, as in the stack reports. A tool's annual
    cost is the spend report's (the `annual_cost` of all its contracts) in `currency` only: amounts
    in other currencies are never converted, and the tools that have some are counted in
    `tools_costed_in_other_currencies`. `currency` defaults to the currency in which the most active
    tools have a contract (ties: alphabetical order). Each figure is defined in the response schema.

    422 when `currency` is not an ISO 4217 code.

    Args:
        currency (CurrencyCode | Unset): ISO 4217 code, e.g. `EUR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InventoryEvidence | Problem
    """

    return sync_detailed(
        client=client,
        currency=currency,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    currency: CurrencyCode | Unset = UNSET,
) -> Response[InventoryEvidence | Problem]:
    """Every inventory figure the scoring service's evidence needs, in one call

     Every inventory figure the scoring service computes its evidence signals from, in one response
    whose cost does not grow with the number of tools (aggregates, not lists).

    **Active** tools are the tools with status `active`, as in the stack reports. A tool's annual
    cost is the spend report's (the `annual_cost` of all its contracts) in `currency` only: amounts
    in other currencies are never converted, and the tools that have some are counted in
    `tools_costed_in_other_currencies`. `currency` defaults to the currency in which the most active
    tools have a contract (ties: alphabetical order). Each figure is defined in the response schema.

    422 when `currency` is not an ISO 4217 code.

    Args:
        currency (CurrencyCode | Unset): ISO 4217 code, e.g. `EUR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InventoryEvidence | Problem]
    """

    kwargs = _get_kwargs(
        currency=currency,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    currency: CurrencyCode | Unset = UNSET,
) -> InventoryEvidence | Problem | None:
    """Every inventory figure the scoring service's evidence needs, in one call

     Every inventory figure the scoring service computes its evidence signals from, in one response
    whose cost does not grow with the number of tools (aggregates, not lists).

    **Active** tools are the tools with status `active`, as in the stack reports. A tool's annual
    cost is the spend report's (the `annual_cost` of all its contracts) in `currency` only: amounts
    in other currencies are never converted, and the tools that have some are counted in
    `tools_costed_in_other_currencies`. `currency` defaults to the currency in which the most active
    tools have a contract (ties: alphabetical order). Each figure is defined in the response schema.

    422 when `currency` is not an ISO 4217 code.

    Args:
        currency (CurrencyCode | Unset): ISO 4217 code, e.g. `EUR`.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InventoryEvidence | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            currency=currency,
        )
    ).parsed
