from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.json_schema_document import JsonSchemaDocument
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/scoring/frameworks/schema",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> JsonSchemaDocument | Problem | None:
    if response.status_code == 200:
        response_200 = JsonSchemaDocument.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[JsonSchemaDocument | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[JsonSchemaDocument | Problem]:
    """JSON Schema of a framework document

     The JSON Schema (draft 2020-12) every framework document follows, one schema per kind:
    four quadrants and a centre for `five_forces` (and only there), the `company_efficiency`
    and `customer_efficiency` dimensions and per-process questions for `cx_efficiency`, and for
    each evidence signal of `GET /v1/scoring/evidence-signals` its sources. The rules it cannot
    say are checked on write, each reported at its pointer: keys unique and referring to
    dimensions of the document, the question weights and the evidence weights of each
    dimension summing to 1, `answers_weight` 0 without questions and 1 without evidence, every
    value of a scale (from `min` to `max`) labelled, a signal used once per dimension, a
    mapping's `low` and `high` apart, and a band's bounds in order (`low` ≤ `best_low` ≤
    `best_high` ≤ `high`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JsonSchemaDocument | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> JsonSchemaDocument | Problem | None:
    """JSON Schema of a framework document

     The JSON Schema (draft 2020-12) every framework document follows, one schema per kind:
    four quadrants and a centre for `five_forces` (and only there), the `company_efficiency`
    and `customer_efficiency` dimensions and per-process questions for `cx_efficiency`, and for
    each evidence signal of `GET /v1/scoring/evidence-signals` its sources. The rules it cannot
    say are checked on write, each reported at its pointer: keys unique and referring to
    dimensions of the document, the question weights and the evidence weights of each
    dimension summing to 1, `answers_weight` 0 without questions and 1 without evidence, every
    value of a scale (from `min` to `max`) labelled, a signal used once per dimension, a
    mapping's `low` and `high` apart, and a band's bounds in order (`low` ≤ `best_low` ≤
    `best_high` ≤ `high`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JsonSchemaDocument | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[JsonSchemaDocument | Problem]:
    """JSON Schema of a framework document

     The JSON Schema (draft 2020-12) every framework document follows, one schema per kind:
    four quadrants and a centre for `five_forces` (and only there), the `company_efficiency`
    and `customer_efficiency` dimensions and per-process questions for `cx_efficiency`, and for
    each evidence signal of `GET /v1/scoring/evidence-signals` its sources. The rules it cannot
    say are checked on write, each reported at its pointer: keys unique and referring to
    dimensions of the document, the question weights and the evidence weights of each
    dimension summing to 1, `answers_weight` 0 without questions and 1 without evidence, every
    value of a scale (from `min` to `max`) labelled, a signal used once per dimension, a
    mapping's `low` and `high` apart, and a band's bounds in order (`low` ≤ `best_low` ≤
    `best_high` ≤ `high`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JsonSchemaDocument | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> JsonSchemaDocument | Problem | None:
    """JSON Schema of a framework document

     The JSON Schema (draft 2020-12) every framework document follows, one schema per kind:
    four quadrants and a centre for `five_forces` (and only there), the `company_efficiency`
    and `customer_efficiency` dimensions and per-process questions for `cx_efficiency`, and for
    each evidence signal of `GET /v1/scoring/evidence-signals` its sources. The rules it cannot
    say are checked on write, each reported at its pointer: keys unique and referring to
    dimensions of the document, the question weights and the evidence weights of each
    dimension summing to 1, `answers_weight` 0 without questions and 1 without evidence, every
    value of a scale (from `min` to `max`) labelled, a signal used once per dimension, a
    mapping's `low` and `high` apart, and a band's bounds in order (`low` ≤ `best_low` ≤
    `best_high` ≤ `high`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JsonSchemaDocument | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
