"""`mops tenants`: tenants in the gateway's database."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from mops_cli.gateway_db import with_session
from mops_cli.output import print_table
from mops_gateway.tenants.schemas import TenantRead

app = typer.Typer(help="Tenants (in the gateway's database).", no_args_is_help=True)


@app.command("create")
def tenants_create(name: Annotated[str, typer.Argument(help="The tenant's name.")]) -> None:
    """Create a tenant; prints its id."""
    from mops_gateway.tenants.service import create_tenant

    async def use(session: AsyncSession) -> TenantRead:
        return await create_tenant(session, name)

    typer.echo(str(with_session(use).id))


@app.command("list")
def tenants_list() -> None:
    """List every tenant."""
    from mops_gateway.tenants.service import list_tenants

    tenants = with_session(list_tenants)
    print_table(
        ["ID", "NAME", "CREATED"],
        [[str(t.id), t.name, t.created_at.isoformat(timespec="seconds")] for t in tenants],
    )
