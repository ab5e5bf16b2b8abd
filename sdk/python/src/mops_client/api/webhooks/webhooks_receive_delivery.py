from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.receive_report import ReceiveReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    connection_id: UUID,
    *,
    token: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["token"] = token

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/webhooks/in/{connection_id}".format(
            connection_id=quote(str(connection_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ReceiveReport | None:
    if response.status_code == 200:
        response_200 = ReceiveReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | ReceiveReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    connection_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    token: str | Unset = UNSET,
) -> Response[Problem | ReceiveReport]:
    """Receive a CRM delivery

     Where a provider posts, proven by its own scheme instead of an API key: HubSpot
    signature v3 (5-minute window), Standard Webhooks (generic), HTTP Basic (Pipedrive), or
    the URL token and organisation id (Salesforce outbound messages, answered with the SOAP
    acknowledgement). The events are committed to the inbox, once per connection and provider
    identity, before the 2xx; a replay is acknowledged and not stored again. A delivery that
    is not proven is a 401 and nothing is stored.

    Args:
        connection_id (UUID):
        token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReceiveReport]
    """

    kwargs = _get_kwargs(
        connection_id=connection_id,
        token=token,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    connection_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    token: str | Unset = UNSET,
) -> Problem | ReceiveReport | None:
    """Receive a CRM delivery

     Where a provider posts, proven by its own scheme instead of an API key: HubSpot
    signature v3 (5-minute window), Standard Webhooks (generic), HTTP Basic (Pipedrive), or
    the URL token and organisation id (Salesforce outbound messages, answered with the SOAP
    acknowledgement). The events are committed to the inbox, once per connection and provider
    identity, before the 2xx; a replay is acknowledged and not stored again. A delivery that
    is not proven is a 401 and nothing is stored.

    Args:
        connection_id (UUID):
        token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReceiveReport
    """

    return sync_detailed(
        connection_id=connection_id,
        client=client,
        token=token,
    ).parsed


async def asyncio_detailed(
    connection_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    token: str | Unset = UNSET,
) -> Response[Problem | ReceiveReport]:
    """Receive a CRM delivery

     Where a provider posts, proven by its own scheme instead of an API key: HubSpot
    signature v3 (5-minute window), Standard Webhooks (generic), HTTP Basic (Pipedrive), or
    the URL token and organisation id (Salesforce outbound messages, answered with the SOAP
    acknowledgement). The events are committed to the inbox, once per connection and provider
    identity, before the 2xx; a replay is acknowledged and not stored again. A delivery that
    is not proven is a 401 and nothing is stored.

    Args:
        connection_id (UUID):
        token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReceiveReport]
    """

    kwargs = _get_kwargs(
        connection_id=connection_id,
        token=token,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    connection_id: UUID,
    *,
    client: AuthenticatedClient | Client,
    token: str | Unset = UNSET,
) -> Problem | ReceiveReport | None:
    """Receive a CRM delivery

     Where a provider posts, proven by its own scheme instead of an API key: HubSpot
    signature v3 (5-minute window), Standard Webhooks (generic), HTTP Basic (Pipedrive), or
    the URL token and organisation id (Salesforce outbound messages, answered with the SOAP
    acknowledgement). The events are committed to the inbox, once per connection and provider
    identity, before the 2xx; a replay is acknowledged and not stored again. A delivery that
    is not proven is a 401 and nothing is stored.

    Args:
        connection_id (UUID):
        token (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReceiveReport
    """

    return (
        await asyncio_detailed(
            connection_id=connection_id,
            client=client,
            token=token,
        )
    ).parsed
