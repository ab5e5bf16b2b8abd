from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.spend_group_by import SpendGroupBy
from ...models.spend_report import SpendReport
from ...models.tool_status import ToolStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    by: SpendGroupBy | Unset = SpendGroupBy.CATEGORY,
    status: ToolStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_by: str | Unset = UNSET
    if not isinstance(by, Unset):
        json_by = by.value

    params["by"] = json_by

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/inventory/reports/spend",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SpendReport | None:
    if response.status_code == 200:
        response_200 = SpendReport.from_dict(response.json())

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
) -> Response[Problem | SpendReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    by: SpendGroupBy | Unset = SpendGroupBy.CATEGORY,
    status: ToolStatus | Unset = UNSET,
) -> Response[Problem | SpendReport]:
    """Annual spend per category, capability, owner unit, vendor or status

     The annual cost of the tenant's contracts (`annual_cost` of each contract), added up per group
    **and per currency**: amounts in different currencies are never added together, so a group with
    contracts in two currencies has two rows.

    `by` chooses the group:
    - `category`: the tool's category (`key` = category id, `label` = its name);
    - `capability`: each capability of the tool (`key` = capability id, `label` = its name). A tool
      with several capabilities has its whole cost counted **under each of them**, so the rows add
      up to more than the totals;
    - `owner_unit`: the org unit of the tool's `business_owner` (`key` = unit id, `label` = null);
    - `vendor`: the tool's vendor (`key` = `label` = vendor);
    - `status`: the tool's status (`key` = `label` = status).

    Tools with no such group (no category, no capability, no business owner with a unit, no vendor)
    make one row with `key` = null. `tool_count` counts the distinct tools with a contract in the
    row's group and currency; `contract_count` the contracts added up. Rows come largest amount
    first, then by currency and key.

    `totals` gives, per currency, the sum over all the contracts (each counted once), with the
    number of tools and contracts. `tools_without_contract` counts the tools that have no contract:
    they are in no amount. The optional `status` filter applies to the tools throughout.

    Args:
        by (SpendGroupBy | Unset):  Default: SpendGroupBy.CATEGORY.
        status (ToolStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SpendReport]
    """

    kwargs = _get_kwargs(
        by=by,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    by: SpendGroupBy | Unset = SpendGroupBy.CATEGORY,
    status: ToolStatus | Unset = UNSET,
) -> Problem | SpendReport | None:
    """Annual spend per category, capability, owner unit, vendor or status

     The annual cost of the tenant's contracts (`annual_cost` of each contract), added up per group
    **and per currency**: amounts in different currencies are never added together, so a group with
    contracts in two currencies has two rows.

    `by` chooses the group:
    - `category`: the tool's category (`key` = category id, `label` = its name);
    - `capability`: each capability of the tool (`key` = capability id, `label` = its name). A tool
      with several capabilities has its whole cost counted **under each of them**, so the rows add
      up to more than the totals;
    - `owner_unit`: the org unit of the tool's `business_owner` (`key` = unit id, `label` = null);
    - `vendor`: the tool's vendor (`key` = `label` = vendor);
    - `status`: the tool's status (`key` = `label` = status).

    Tools with no such group (no category, no capability, no business owner with a unit, no vendor)
    make one row with `key` = null. `tool_count` counts the distinct tools with a contract in the
    row's group and currency; `contract_count` the contracts added up. Rows come largest amount
    first, then by currency and key.

    `totals` gives, per currency, the sum over all the contracts (each counted once), with the
    number of tools and contracts. `tools_without_contract` counts the tools that have no contract:
    they are in no amount. The optional `status` filter applies to the tools throughout.

    Args:
        by (SpendGroupBy | Unset):  Default: SpendGroupBy.CATEGORY.
        status (ToolStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SpendReport
    """

    return sync_detailed(
        client=client,
        by=by,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    by: SpendGroupBy | Unset = SpendGroupBy.CATEGORY,
    status: ToolStatus | Unset = UNSET,
) -> Response[Problem | SpendReport]:
    """Annual spend per category, capability, owner unit, vendor or status

     The annual cost of the tenant's contracts (`annual_cost` of each contract), added up per group
    **and per currency**: amounts in different currencies are never added together, so a group with
    contracts in two currencies has two rows.

    `by` chooses the group:
    - `category`: the tool's category (`key` = category id, `label` = its name);
    - `capability`: each capability of the tool (`key` = capability id, `label` = its name). A tool
      with several capabilities has its whole cost counted **under each of them**, so the rows add
      up to more than the totals;
    - `owner_unit`: the org unit of the tool's `business_owner` (`key` = unit id, `label` = null);
    - `vendor`: the tool's vendor (`key` = `label` = vendor);
    - `status`: the tool's status (`key` = `label` = status).

    Tools with no such group (no category, no capability, no business owner with a unit, no vendor)
    make one row with `key` = null. `tool_count` counts the distinct tools with a contract in the
    row's group and currency; `contract_count` the contracts added up. Rows come largest amount
    first, then by currency and key.

    `totals` gives, per currency, the sum over all the contracts (each counted once), with the
    number of tools and contracts. `tools_without_contract` counts the tools that have no contract:
    they are in no amount. The optional `status` filter applies to the tools throughout.

    Args:
        by (SpendGroupBy | Unset):  Default: SpendGroupBy.CATEGORY.
        status (ToolStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SpendReport]
    """

    kwargs = _get_kwargs(
        by=by,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    by: SpendGroupBy | Unset = SpendGroupBy.CATEGORY,
    status: ToolStatus | Unset = UNSET,
) -> Problem | SpendReport | None:
    """Annual spend per category, capability, owner unit, vendor or status

     The annual cost of the tenant's contracts (`annual_cost` of each contract), added up per group
    **and per currency**: amounts in different currencies are never added together, so a group with
    contracts in two currencies has two rows.

    `by` chooses the group:
    - `category`: the tool's category (`key` = category id, `label` = its name);
    - `capability`: each capability of the tool (`key` = capability id, `label` = its name). A tool
      with several capabilities has its whole cost counted **under each of them**, so the rows add
      up to more than the totals;
    - `owner_unit`: the org unit of the tool's `business_owner` (`key` = unit id, `label` = null);
    - `vendor`: the tool's vendor (`key` = `label` = vendor);
    - `status`: the tool's status (`key` = `label` = status).

    Tools with no such group (no category, no capability, no business owner with a unit, no vendor)
    make one row with `key` = null. `tool_count` counts the distinct tools with a contract in the
    row's group and currency; `contract_count` the contracts added up. Rows come largest amount
    first, then by currency and key.

    `totals` gives, per currency, the sum over all the contracts (each counted once), with the
    number of tools and contracts. `tools_without_contract` counts the tools that have no contract:
    they are in no amount. The optional `status` filter applies to the tools throughout.

    Args:
        by (SpendGroupBy | Unset):  Default: SpendGroupBy.CATEGORY.
        status (ToolStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SpendReport
    """

    return (
        await asyncio_detailed(
            client=client,
            by=by,
            status=status,
        )
    ).parsed
