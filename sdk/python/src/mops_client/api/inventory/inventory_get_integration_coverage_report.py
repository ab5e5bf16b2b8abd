from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.integration_coverage_report import IntegrationCoverageReport
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    core_tool_id: list[UUID] | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_core_tool_id: list[str] | Unset = UNSET
    if not isinstance(core_tool_id, Unset):
        json_core_tool_id = []
        for core_tool_id_item_data in core_tool_id:
            core_tool_id_item = str(core_tool_id_item_data)
            json_core_tool_id.append(core_tool_id_item)

    params["core_tool_id"] = json_core_tool_id

    params["limit"] = limit

    params["cursor"] = cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/reports/integration-coverage",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IntegrationCoverageReport | Problem | str | None:
    if response.status_code == 200:
        response_200 = IntegrationCoverageReport.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = response.text
        return response_400

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
) -> Response[IntegrationCoverageReport | Problem | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    core_tool_id: list[UUID] | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[IntegrationCoverageReport | Problem | str]:
    """Integration coverage of the active stack and its core

     How the tenant's **active** tools (status `active`) are integrated with each other and with the
    core customer-data platform.

    **Live integration**: an integration with status `active` whose two tools are not `retired`
    (`planned`, `broken` and `retired` integrations carry no data today). Direction does not matter:
    a tool is integrated whether it is the source or the target.

    **Core tools**: the tools given as `core_tool_id` (repeatable, at most 100; each must
    be a tool of the tenant, else 422); by default, the tenant's `active` tools having the capability
    named "Customer data platform" (compared without case). With no core tool, no tool is connected to
    the core.

    - `not_integrated`: active tools with no live integration at all, at either end;
    - `not_connected_to_core`: active tools, other than the core tools themselves, with no **direct**
      live integration with a core tool, in either direction (a path through another tool does not
      count);
    - `not_sharing_data_with_core`: the edge tools, active tools with `shares_data_with_core` false;
      active tools where it is not stated (`null`) are listed in `core_data_sharing_unknown` instead;
    - `integrated_share`: active tools with a live integration / active tools;
    - `connected_to_core_share`: active non-core tools directly connected to a core tool / active
      non-core tools.

    Shares are fractions between 0 and 1 to 4 decimals, `null` when their denominator is 0. The
    counts and shares are over all the active tools. The four lists are `{id, name}` by name, a page
    at a time: a page looks at the next `limit` active tools by name and lists those of them that
    belong in each list; walking the pages with `cursor` = the previous page's `next_cursor` gives
    the whole lists.

    Args:
        core_tool_id (list[UUID] | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationCoverageReport | Problem | str]
    """

    kwargs = _get_kwargs(
        core_tool_id=core_tool_id,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    core_tool_id: list[UUID] | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> IntegrationCoverageReport | Problem | str | None:
    """Integration coverage of the active stack and its core

     How the tenant's **active** tools (status `active`) are integrated with each other and with the
    core customer-data platform.

    **Live integration**: an integration with status `active` whose two tools are not `retired`
    (`planned`, `broken` and `retired` integrations carry no data today). Direction does not matter:
    a tool is integrated whether it is the source or the target.

    **Core tools**: the tools given as `core_tool_id` (repeatable, at most 100; each must
    be a tool of the tenant, else 422); by default, the tenant's `active` tools having the capability
    named "Customer data platform" (compared without case). With no core tool, no tool is connected to
    the core.

    - `not_integrated`: active tools with no live integration at all, at either end;
    - `not_connected_to_core`: active tools, other than the core tools themselves, with no **direct**
      live integration with a core tool, in either direction (a path through another tool does not
      count);
    - `not_sharing_data_with_core`: the edge tools, active tools with `shares_data_with_core` false;
      active tools where it is not stated (`null`) are listed in `core_data_sharing_unknown` instead;
    - `integrated_share`: active tools with a live integration / active tools;
    - `connected_to_core_share`: active non-core tools directly connected to a core tool / active
      non-core tools.

    Shares are fractions between 0 and 1 to 4 decimals, `null` when their denominator is 0. The
    counts and shares are over all the active tools. The four lists are `{id, name}` by name, a page
    at a time: a page looks at the next `limit` active tools by name and lists those of them that
    belong in each list; walking the pages with `cursor` = the previous page's `next_cursor` gives
    the whole lists.

    Args:
        core_tool_id (list[UUID] | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationCoverageReport | Problem | str
    """

    return sync_detailed(
        client=client,
        core_tool_id=core_tool_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    core_tool_id: list[UUID] | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> Response[IntegrationCoverageReport | Problem | str]:
    """Integration coverage of the active stack and its core

     How the tenant's **active** tools (status `active`) are integrated with each other and with the
    core customer-data platform.

    **Live integration**: an integration with status `active` whose two tools are not `retired`
    (`planned`, `broken` and `retired` integrations carry no data today). Direction does not matter:
    a tool is integrated whether it is the source or the target.

    **Core tools**: the tools given as `core_tool_id` (repeatable, at most 100; each must
    be a tool of the tenant, else 422); by default, the tenant's `active` tools having the capability
    named "Customer data platform" (compared without case). With no core tool, no tool is connected to
    the core.

    - `not_integrated`: active tools with no live integration at all, at either end;
    - `not_connected_to_core`: active tools, other than the core tools themselves, with no **direct**
      live integration with a core tool, in either direction (a path through another tool does not
      count);
    - `not_sharing_data_with_core`: the edge tools, active tools with `shares_data_with_core` false;
      active tools where it is not stated (`null`) are listed in `core_data_sharing_unknown` instead;
    - `integrated_share`: active tools with a live integration / active tools;
    - `connected_to_core_share`: active non-core tools directly connected to a core tool / active
      non-core tools.

    Shares are fractions between 0 and 1 to 4 decimals, `null` when their denominator is 0. The
    counts and shares are over all the active tools. The four lists are `{id, name}` by name, a page
    at a time: a page looks at the next `limit` active tools by name and lists those of them that
    belong in each list; walking the pages with `cursor` = the previous page's `next_cursor` gives
    the whole lists.

    Args:
        core_tool_id (list[UUID] | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IntegrationCoverageReport | Problem | str]
    """

    kwargs = _get_kwargs(
        core_tool_id=core_tool_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    core_tool_id: list[UUID] | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: str | Unset = UNSET,
) -> IntegrationCoverageReport | Problem | str | None:
    """Integration coverage of the active stack and its core

     How the tenant's **active** tools (status `active`) are integrated with each other and with the
    core customer-data platform.

    **Live integration**: an integration with status `active` whose two tools are not `retired`
    (`planned`, `broken` and `retired` integrations carry no data today). Direction does not matter:
    a tool is integrated whether it is the source or the target.

    **Core tools**: the tools given as `core_tool_id` (repeatable, at most 100; each must
    be a tool of the tenant, else 422); by default, the tenant's `active` tools having the capability
    named "Customer data platform" (compared without case). With no core tool, no tool is connected to
    the core.

    - `not_integrated`: active tools with no live integration at all, at either end;
    - `not_connected_to_core`: active tools, other than the core tools themselves, with no **direct**
      live integration with a core tool, in either direction (a path through another tool does not
      count);
    - `not_sharing_data_with_core`: the edge tools, active tools with `shares_data_with_core` false;
      active tools where it is not stated (`null`) are listed in `core_data_sharing_unknown` instead;
    - `integrated_share`: active tools with a live integration / active tools;
    - `connected_to_core_share`: active non-core tools directly connected to a core tool / active
      non-core tools.

    Shares are fractions between 0 and 1 to 4 decimals, `null` when their denominator is 0. The
    counts and shares are over all the active tools. The four lists are `{id, name}` by name, a page
    at a time: a page looks at the next `limit` active tools by name and lists those of them that
    belong in each list; walking the pages with `cursor` = the previous page's `next_cursor` gives
    the whole lists.

    Args:
        core_tool_id (list[UUID] | Unset):
        limit (int | Unset):  Default: 100.
        cursor (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IntegrationCoverageReport | Problem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            core_tool_id=core_tool_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
