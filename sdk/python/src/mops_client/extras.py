"""What the generated client cannot do, written by hand (`python -m contract.sdk` keeps this file).

openapi-python-client 0.29 generates no call for a `text/csv` request body: its
`inventory_import_tools` sends only the JSON rows (`ToolImportFile`). These send the CSV file as
it is, to the same operation, and answer exactly as the generated calls do: the generated
module's own response builder parses the answer (an `ImportReport`; the `ImportRefusal` of a
file refused with 422, its errors and warnings; or the `Problem` of another 4xx or 5xx), so a
change of the contract reaches both with the next regeneration.
"""

from __future__ import annotations

from typing import Any

from .api.inventory import inventory_import_tools
from .client import AuthenticatedClient
from .models import ImportMode, ImportRefusal, ImportReport, Problem
from .types import Response

__all__ = [
    "import_inventory_csv",
    "import_inventory_csv_async",
    "import_inventory_csv_detailed",
    "import_inventory_csv_detailed_async",
]


def _kwargs(csv: str | bytes, mode: ImportMode, dry_run: bool) -> dict[str, Any]:
    return {
        "method": "post",
        "url": "/v1/inventory/imports",
        "params": {"mode": mode.value, "dry_run": "true" if dry_run else "false"},
        "content": csv.encode() if isinstance(csv, str) else csv,
        "headers": {"Content-Type": "text/csv"},
    }


def import_inventory_csv_detailed(
    client: AuthenticatedClient,
    csv: str | bytes,
    *,
    mode: ImportMode = ImportMode.ALL_OR_NOTHING,
    dry_run: bool = False,
) -> Response[ImportReport | ImportRefusal | Problem]:
    """`POST /v1/inventory/imports` with the CSV file (text, or its UTF-8 bytes) as the body;
    `dry_run=True` reports what the import would do and writes nothing."""
    response = client.get_httpx_client().request(**_kwargs(csv, mode, dry_run))
    return inventory_import_tools._build_response(client=client, response=response)


def import_inventory_csv(
    client: AuthenticatedClient,
    csv: str | bytes,
    *,
    mode: ImportMode = ImportMode.ALL_OR_NOTHING,
    dry_run: bool = False,
) -> ImportReport | ImportRefusal | Problem | None:
    """The parsed answer of `import_inventory_csv_detailed`."""
    return import_inventory_csv_detailed(client, csv, mode=mode, dry_run=dry_run).parsed


async def import_inventory_csv_detailed_async(
    client: AuthenticatedClient,
    csv: str | bytes,
    *,
    mode: ImportMode = ImportMode.ALL_OR_NOTHING,
    dry_run: bool = False,
) -> Response[ImportReport | ImportRefusal | Problem]:
    """`import_inventory_csv_detailed` on the client's asynchronous httpx client."""
    response = await client.get_async_httpx_client().request(**_kwargs(csv, mode, dry_run))
    return inventory_import_tools._build_response(client=client, response=response)


async def import_inventory_csv_async(
    client: AuthenticatedClient,
    csv: str | bytes,
    *,
    mode: ImportMode = ImportMode.ALL_OR_NOTHING,
    dry_run: bool = False,
) -> ImportReport | ImportRefusal | Problem | None:
    """The parsed answer of `import_inventory_csv_detailed_async`."""
    return (
        await import_inventory_csv_detailed_async(client, csv, mode=mode, dry_run=dry_run)
    ).parsed
