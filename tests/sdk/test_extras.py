"""mops_client.extras against the real inventory app (in process): the CSV file goes as the body
and the answer is the typed model the generated calls give."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from mops_client import AuthenticatedClient
from mops_client.extras import import_inventory_csv_async, import_inventory_csv_detailed_async
from mops_client.models import ImportMode, ImportRefusal, ImportReport
from tests.support import SAMPLES

pytestmark = pytest.mark.asyncio

SAMPLE = SAMPLES / "martech_inventory_sample.csv"


def _client(inventory_client: httpx.AsyncClient) -> AuthenticatedClient:
    # The in-process client already carries the principal the gateway would sign: the token is
    # the gateway's business, not checked by the service itself.
    client = AuthenticatedClient(base_url=str(inventory_client.base_url), token="unused")
    return client.set_async_httpx_client(inventory_client)


def _rows(count: int) -> list[dict[str, str]]:
    with SAMPLE.open(newline="") as f:
        return [row | {"integrations": ""} for row in list(csv.DictReader(f))[:count]]


def _csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


async def test_the_sample_file_imports_as_csv(inventory_client: httpx.AsyncClient) -> None:
    response = await import_inventory_csv_detailed_async(
        _client(inventory_client), SAMPLE.read_bytes()
    )
    assert response.status_code == 200, response.content
    report = response.parsed
    assert isinstance(report, ImportReport)
    assert report.mode is ImportMode.ALL_OR_NOTHING
    assert (report.rows_read, report.created, report.failed) == (57, 57, 0)
    tools = (await inventory_client.get("/v1/inventory/tools", params={"limit": 200})).json()
    assert len(tools["items"]) == 57


async def test_the_mode_is_sent_and_a_failed_row_reported(
    inventory_client: httpx.AsyncClient,
) -> None:
    rows = _rows(3)
    rows[1]["currency"] = "ZZZ"
    report = await import_inventory_csv_async(
        _client(inventory_client), _csv(rows), mode=ImportMode.PARTIAL
    )
    assert isinstance(report, ImportReport)
    assert report.mode is ImportMode.PARTIAL
    assert (report.created, report.failed) == (2, 1)
    # The second data row is the file's row 3: the header is row 1.
    assert {(p.row, p.column) for p in report.problems if p.severity.value == "error"} == {
        (3, "currency")
    }


async def test_a_refused_file_answers_its_problem(inventory_client: httpx.AsyncClient) -> None:
    rows = _rows(3)
    rows[1]["status"] = "actve"
    problem = await import_inventory_csv_async(_client(inventory_client), _csv(rows))
    assert isinstance(problem, ImportRefusal)
    assert problem.status == 422
    assert "actve" in str(problem.to_dict())
    tools = (await inventory_client.get("/v1/inventory/tools")).json()
    assert tools["items"] == []


async def test_a_dry_run_reports_and_writes_nothing(inventory_client: httpx.AsyncClient) -> None:
    report = await import_inventory_csv_async(
        _client(inventory_client), _csv(_rows(3)), dry_run=True
    )
    assert isinstance(report, ImportReport)
    assert (report.dry_run, report.created, report.failed) == (True, 3, 0)
    tools = (await inventory_client.get("/v1/inventory/tools")).json()
    assert tools["items"] == []
