"""The `mops` command: run the whole system locally, migrate, manage tenants and API keys, load
the sample company (`mops demo`).

`tenants` and `keys` work on the gateway's database directly (MOPS_GATEWAY_DATABASE_URL, or the
SQLite file under MOPS_DATA_DIR), through the same service functions as the admin API.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from mops_cli import supervisor
from mops_gateway.config import GatewaySettings
from mops_shared.auth import ApiScope
from mops_shared.errors import MopsError
from mops_shared.schemas.admin import ApiKeyCreate, ApiKeyRead, RateLimit, TenantRead

T = TypeVar("T")

app = typer.Typer(
    name="mops",
    help="mops: run the system locally, manage tenants and API keys, load the sample company.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
tenants_app = typer.Typer(help="Tenants (in the gateway's database).", no_args_is_help=True)
keys_app = typer.Typer(help="A tenant's API keys.", no_args_is_help=True)
app.add_typer(tenants_app, name="tenants")
app.add_typer(keys_app, name="keys")


def fail(message: str) -> typer.Exit:
    typer.echo(f"mops: error: {message}", err=True)
    return typer.Exit(1)


# run and migrate ---------------------------------------------------------------------------------


@app.command()
def run(
    ready_timeout: Annotated[
        float, typer.Option(help="Seconds to wait for every service's /readyz.", min=1)
    ] = 60.0,
) -> None:
    """Migrate, create a local tenant and admin key, run the four services until Ctrl-C."""
    raise typer.Exit(supervisor.run(ready_timeout=ready_timeout))


@app.command()
def migrate(
    services: Annotated[
        list[str] | None,
        typer.Argument(help="Services to migrate (default: all four).", show_default=False),
    ] = None,
) -> None:
    """Upgrade services' databases to the head of their migrations, one after the other."""
    chosen = services or list(supervisor.SERVICES)
    unknown = [s for s in chosen if s not in supervisor.SERVICES]
    if unknown:
        raise fail(
            f"unknown service {', '.join(unknown)}; choose from {', '.join(supervisor.SERVICES)}"
        )
    try:
        supervisor.migrate_sequentially(chosen)
    except supervisor.SupervisorError as exc:
        raise fail(str(exc)) from exc


@app.command()
def worker() -> None:
    """Process the webhook inbox and deliver outbound webhooks until SIGINT or SIGTERM.

    Run as many as needed beside gateways started with MOPS_GATEWAY_WEBHOOK_WORKER_ENABLED=false
    (on PostgreSQL; they never take the same row)."""
    from mops_gateway.worker import run_standalone

    asyncio.run(run_standalone(GatewaySettings()))


@app.command()
def demo(
    base_url: Annotated[
        str | None,
        typer.Option(
            envvar="MOPS_GATEWAY_URL",
            help="The gateway (default: the one `make run` starts, "
            "http://127.0.0.1:$MOPS_GATEWAY_PORT, port 8080 unless set).",
            show_default=False,
        ),
    ] = None,
    api_key: Annotated[
        str | None,
        typer.Option(
            envvar="MOPS_API_KEY",
            help="An API key with the read and write scopes of inventory, org and scoring "
            "(default: the one `make run` keeps in $MOPS_DATA_DIR/dev-api-key).",
            show_default=False,
        ),
    ] = None,
    samples: Annotated[
        Path, typer.Option(help="Folder of org_sample.json and martech_inventory_sample.csv.")
    ] = Path("samples"),
) -> None:
    """Load the sample company through the API and score it: the organisation, the inventory,
    a five-forces, a CX-efficiency and an MO-readiness assessment answered by three people,
    their results and a plan draft; prints the URLs to open. A second run changes nothing."""
    from mops_cli import demo as sample

    key = api_key or _local_key()
    if base_url is None:
        try:
            base_url = f"http://{supervisor.DEFAULT_HOST}:{supervisor.service_port('gateway')}"
        except supervisor.SupervisorError as exc:
            raise fail(str(exc)) from exc
    try:
        outcome = sample.run_demo(base_url, key, samples, typer.echo)
    except sample.DemoError as exc:
        raise fail(str(exc)) from exc
    if not outcome.created:
        typer.echo("Nothing new: an earlier run had made everything.")
    typer.echo("")
    shown_key = "<the key>" if api_key else f"$(cat {_key_file()})"
    typer.echo("Open (each URL but /docs needs the key, e.g. with")
    typer.echo(f'  curl -H "Authorization: Bearer {shown_key}" URL):')
    for label, url in sample.urls(base_url, outcome):
        typer.echo(f"  {label + ':':<34} {url}")


def _key_file() -> Path:
    return supervisor.data_dir() / supervisor.KEY_FILE


def _local_key() -> str:
    path = _key_file()
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        raise fail(
            f"no API key: {path} is missing. Start the system with `make run` (it writes the "
            "key there), or give one with --api-key or MOPS_API_KEY"
        ) from None


# Gateway database --------------------------------------------------------------------------------


def with_session(use: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Runs `use` with a session on the gateway database, turning failures into one-line errors."""
    from mops_shared.db import create_engine, create_sessionmaker
    from mops_shared.readiness import current_revisions, head_revisions

    settings = GatewaySettings()

    async def go() -> T:
        engine = create_engine(settings.database_url)
        try:
            current = await current_revisions(engine)
            if not current or current != head_revisions(settings.alembic_ini, "gateway"):
                raise fail(
                    f"the gateway database ({engine.url.render_as_string(hide_password=True)}) "
                    "is not migrated: run `mops migrate gateway` (or `make run`) first"
                )
            async with create_sessionmaker(engine)() as session:
                return await use(session)
        finally:
            await engine.dispose()

    try:
        return asyncio.run(go())
    except FileNotFoundError as exc:
        raise fail(f"{exc}: run mops from the repository root or set MOPS_ALEMBIC_INI") from exc
    except MopsError as exc:
        raise fail(str(exc)) from exc
    except SQLAlchemyError as exc:
        raise fail(f"the gateway database failed: {exc}") from exc


async def resolve_tenant(session: AsyncSession, name_or_id: str) -> TenantRead:
    from mops_gateway.tenants.service import find_tenant_by_name, get_tenant

    try:
        tenant_id = uuid.UUID(name_or_id)
    except ValueError:
        tenant = await find_tenant_by_name(session, name_or_id)
        if tenant is None:
            raise fail(f"no tenant named {name_or_id!r}") from None
        return tenant
    return await get_tenant(session, tenant_id)


def print_table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(cell) for cell in column) for column in zip(header, *rows, strict=True)]
    for row in [header, *rows]:
        typer.echo(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


TenantOption = Annotated[str, typer.Option("--tenant", "-t", help="Tenant name or id.")]


# tenants -----------------------------------------------------------------------------------------


@tenants_app.command("create")
def tenants_create(name: Annotated[str, typer.Argument(help="The tenant's name.")]) -> None:
    """Create a tenant; prints its id."""
    from mops_gateway.tenants.service import create_tenant

    async def use(session: AsyncSession) -> TenantRead:
        return await create_tenant(session, name)

    typer.echo(str(with_session(use).id))


@tenants_app.command("list")
def tenants_list() -> None:
    """List every tenant."""
    from mops_gateway.tenants.service import list_tenants

    tenants = with_session(list_tenants)
    print_table(
        ["ID", "NAME", "CREATED"],
        [[str(t.id), t.name, t.created_at.isoformat(timespec="seconds")] for t in tenants],
    )


# keys --------------------------------------------------------------------------------------------


@keys_app.command("create")
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


@keys_app.command("list")
def keys_list(
    tenant: TenantOption,
    include_revoked: Annotated[
        bool, typer.Option("--all", "-a", help="Also list revoked keys.")
    ] = False,
) -> None:
    """List a tenant's API keys (never their secrets)."""
    from mops_gateway.keys import repository
    from mops_gateway.keys.service import to_read
    from mops_shared.pagination import MAX_LIMIT, resolve_sort

    async def use(session: AsyncSession) -> list[ApiKeyRead]:
        found = await resolve_tenant(session, tenant)
        sort = resolve_sort(repository.KEY_SORTS, "created_at")
        keys: list[ApiKeyRead] = []
        cursor: str | None = None
        while True:
            page, cursor = await repository.list_page(
                session,
                found.id,
                sort=sort,
                limit=MAX_LIMIT,
                cursor=cursor,
                include_revoked=include_revoked,
            )
            keys.extend(to_read(key) for key in page)
            if cursor is None:
                return keys

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


@keys_app.command("revoke")
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


@keys_app.command("rotate")
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


def main() -> None:
    app()
