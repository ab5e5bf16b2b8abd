"""`mops keys`: a tenant's API keys, in the gateway's database."""

from __future__ import annotations

import uuid
from typing import Annotated

import typer
from sqlalchemy.ext.asyncio import AsyncSession

from mops_cli.gateway_db import resolve_tenant, with_session
from mops_cli.output import fail, print_table
from mops_gateway.keys.schemas import ApiKeyCreate, ApiKeyRead, RateLimit
from mops_shared.kit.auth import ApiScope

app = typer.Typer(help="A tenant's API keys.", no_args_is_help=True)

TenantOption = Annotated[str, typer.Option("--tenant", "-t", help="Tenant name or id.")]


@app.command("create")
def keys_create(
    tenant: TenantOption,
    name: Annotated[str, typer.Option("--name", "-n", help="What the key is for.")],
    scope: Annotated[
        list[ApiScope],
        typer.Option("--scope", "-s", help="A scope the key carries (repeat for several)."),
    ],
    rate_per_minute: Annotated[
        int | None, typer.Option(help="Own rate limit: sustained requests per minute.", min=1)
    ] = None,
    burst: Annotated[int | None, typer.Option(help="Own rate limit: burst size.", min=1)] = None,
) -> None:
    """Create an API key; prints the whole key, which is shown this once only."""
    from mops_gateway.keys.service import create_key

    if (rate_per_minute is None) != (burst is None):
        raise fail("give both --rate-per-minute and --burst, or neither")
    rate_limit = (
        RateLimit(requests_per_minute=rate_per_minute, burst=burst)
        if rate_per_minute is not None and burst is not None
        else None
    )
    try:
        data = ApiKeyCreate(name=name, scopes=scope, rate_limit=rate_limit)
    except ValueError as exc:
        raise fail(str(exc)) from exc

    async def use(session: AsyncSession) -> str:
        found = await resolve_tenant(session, tenant)
        return (await create_key(session, found.id, data)).key

    typer.echo(with_session(use))


@app.command("list")
def keys_list(
    tenant: TenantOption,
    include_revoked: Annotated[
        bool, typer.Option("--all", "-a", help="Also list revoked keys.")
    ] = False,
) -> None:
    """List a tenant's API keys (never their secrets)."""
    from mops_gateway.keys.service import list_all_keys

    async def use(session: AsyncSession) -> list[ApiKeyRead]:
        found = await resolve_tenant(session, tenant)
        return await list_all_keys(session, found.id, include_revoked=include_revoked)

    keys = with_session(use)
    print_table(
        ["ID", "NAME", "SCOPES", "CREATED", "REVOKED"],
        [
            [
                str(k.id),
                k.name,
                ",".join(s.value for s in k.scopes),
                k.created_at.isoformat(timespec="seconds"),
                k.revoked_at.isoformat(timespec="seconds") if k.revoked_at else "-",
            ]
            for k in keys
        ],
    )


@app.command("revoke")
def keys_revoke(
    key_id: Annotated[uuid.UUID, typer.Argument(help="The key's id (see `mops keys list`).")],
    tenant: TenantOption,
) -> None:
    """Revoke an API key (gateways notice within MOPS_GATEWAY_KEY_CACHE_SECONDS)."""
    from mops_gateway.keys.service import revoke_key

    async def use(session: AsyncSession) -> ApiKeyRead:
        found = await resolve_tenant(session, tenant)
        return await revoke_key(session, found.id, key_id)

    revoked = with_session(use)
    typer.echo(f"revoked {revoked.id} ({revoked.name})")


@app.command("rotate")
def keys_rotate(
    key_id: Annotated[uuid.UUID, typer.Argument(help="The key's id (see `mops keys list`).")],
    tenant: TenantOption,
    grace_seconds: Annotated[
        int, typer.Option(help="How long the old secret keeps working.", min=0, max=7 * 24 * 3600)
    ] = 0,
) -> None:
    """Give a key a new secret (same id and scopes); prints the new key once."""
    from mops_gateway.keys.service import rotate_key

    async def use(session: AsyncSession) -> str:
        found = await resolve_tenant(session, tenant)
        return (await rotate_key(session, found.id, key_id, grace_seconds)).key

    typer.echo(with_session(use))
