"""The tenant's organisation in the import layout: what `POST /v1/org/imports` takes back.

Each domain writes out its part (its exporter) of what its importer loads, so that the import
reads the export back to the same organisation."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import AsyncConnection

from mops_org.coordination.exporter import export_mechanisms
from mops_org.imports.existing import load_existing
from mops_org.imports.schemas import OrgDocument
from mops_org.people.exporter import export_people
from mops_org.profile.exporter import export_profile
from mops_org.raci.exporter import export_matrices
from mops_org.training.exporter import export_programmes, tool_ids_named
from mops_org.units.exporter import export_units
from mops_shared.contracts.clients import InventoryClient
from mops_shared.kit.auth import Principal

# The document is built as a model (validated once): written once, as FastAPI would have.
_DOCUMENT_JSON = TypeAdapter(OrgDocument)


async def read_export(
    conn: AsyncConnection, principal: Principal, inventory: InventoryClient
) -> bytes:
    """`OrgDocument`'s JSON."""
    document = await export_organisation(conn, principal, inventory)
    return _DOCUMENT_JSON.dump_json(document, by_alias=True)


async def export_organisation(
    conn: AsyncConnection, principal: Principal, inventory: InventoryClient
) -> OrgDocument:
    tenant_id = principal.tenant_id
    existing = await load_existing(conn, tenant_id, None)
    unit_names = {unit.id: unit.name for unit in existing.units.values()}
    people_emails = {person.id: person.email for person in existing.people.values()}
    role_names = {role.id: role.name for role in existing.roles.values()}

    document: dict[str, Any] = {
        "units": export_units(existing.units, people_emails),
        "people": export_people(existing.people, unit_names, role_names),
    }
    organisation = export_profile(existing.profile)
    if organisation is not None:
        document["organization"] = organisation
    document["raci"] = export_matrices(existing.raci, role_names, unit_names, people_emails)
    document["coordination_mechanisms"] = export_mechanisms(existing.coordination, unit_names)
    if existing.programmes:
        document["training"] = export_programmes(
            existing.programmes,
            existing.enrolments,
            people_emails,
            await _tool_names(principal, inventory, tool_ids_named(existing.programmes.values())),
        )
    return OrgDocument.model_validate(document)


async def _tool_names(
    principal: Principal, inventory: InventoryClient, wanted: set[str]
) -> dict[str, str]:
    """The names of these inventory tools (by id), asked of the inventory (503 if it cannot)."""
    if not wanted:
        return {}
    tools = await inventory.all_ownership(principal, include_retired=True)
    return {str(tool.tool_id): tool.tool_name for tool in tools}
