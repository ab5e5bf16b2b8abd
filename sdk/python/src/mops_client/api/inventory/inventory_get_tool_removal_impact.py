from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tool_removal_impact import ToolRemovalImpact
from ...types import Response


def _get_kwargs(
    tool_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/tools/{tool_id}/removal-impact".format(
            tool_id=quote(str(tool_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ToolRemovalImpact | None:
    if response.status_code == 200:
        response_200 = ToolRemovalImpact.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | ToolRemovalImpact]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ToolRemovalImpact]:
    """What retiring a tool would break

     What would break if the tool were retired.

    **Live integration**: an integration with status `active` whose two tools are not `retired`
    (`planned`, `broken` and `retired` integrations carry no data today, so nothing of theirs breaks;
    a tool that is already `retired` has no live integration).

    - `broken_integrations`: every live integration touching the tool, in either direction, with
      the other tool and the direction seen from this tool (`outgoing`: data flows from this tool to
      the other; `incoming`: from the other tool to this one); an A → B and a B → A integration are
      two entries. `broken_integration_count` is their number.
    - `isolated_tools`: the tools (not `retired`) whose live integrations are **all** with this
      tool: they have at least one today and would have none left.

    404 for a tool that does not exist in the caller's tenant.

    Args:
        tool_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ToolRemovalImpact]
    """

    kwargs = _get_kwargs(
        tool_id=tool_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ToolRemovalImpact | None:
    """What retiring a tool would break

     What would break if the tool were retired.

    **Live integration**: an integration with status `active` whose two tools are not `retired`
    (`planned`, `broken` and `retired` integrations carry no data today, so nothing of theirs breaks;
    a tool that is already `retired` has no live integration).

    - `broken_integrations`: every live integration touching the tool, in either direction, with
      the other tool and the direction seen from this tool (`outgoing`: data flows from this tool to
      the other; `incoming`: from the other tool to this one); an A → B and a B → A integration are
      two entries. `broken_integration_count` is their number.
    - `isolated_tools`: the tools (not `retired`) whose live integrations are **all** with this
      tool: they have at least one today and would have none left.

    404 for a tool that does not exist in the caller's tenant.

    Args:
        tool_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ToolRemovalImpact
    """

    return sync_detailed(
        tool_id=tool_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | ToolRemovalImpact]:
    """What retiring a tool would break

     What would break if the tool were retired.

    **Live integration**: an integration with status `active` whose two tools are not `retired`
    (`planned`, `broken` and `retired` integrations carry no data today, so nothing of theirs breaks;
    a tool that is already `retired` has no live integration).

    - `broken_integrations`: every live integration touching the tool, in either direction, with
      the other tool and the direction seen from this tool (`outgoing`: data flows from this tool to
      the other; `incoming`: from the other tool to this one); an A → B and a B → A integration are
      two entries. `broken_integration_count` is their number.
    - `isolated_tools`: the tools (not `retired`) whose live integrations are **all** with this
      tool: they have at least one today and would have none left.

    404 for a tool that does not exist in the caller's tenant.

    Args:
        tool_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ToolRemovalImpact]
    """

    kwargs = _get_kwargs(
        tool_id=tool_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tool_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Problem | ToolRemovalImpact | None:
    """What retiring a tool would break

     What would break if the tool were retired.

    **Live integration**: an integration with status `active` whose two tools are not `retired`
    (`planned`, `broken` and `retired` integrations carry no data today, so nothing of theirs breaks;
    a tool that is already `retired` has no live integration).

    - `broken_integrations`: every live integration touching the tool, in either direction, with
      the other tool and the direction seen from this tool (`outgoing`: data flows from this tool to
      the other; `incoming`: from the other tool to this one); an A → B and a B → A integration are
      two entries. `broken_integration_count` is their number.
    - `isolated_tools`: the tools (not `retired`) whose live integrations are **all** with this
      tool: they have at least one today and would have none left.

    404 for a tool that does not exist in the caller's tenant.

    Args:
        tool_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ToolRemovalImpact
    """

    return (
        await asyncio_detailed(
            tool_id=tool_id,
            client=client,
        )
    ).parsed
