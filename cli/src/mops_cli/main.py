"""The `mops` command: run the whole system locally, migrate, run the webhook worker, load the
sample company (`mops demo`); `tenants` and `keys` (their own modules) work on the gateway's
database.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from mops_cli import keys, supervisor, tenants
from mops_cli.output import fail

app = typer.Typer(
    name="mops",
    help="mops: run the system locally, manage tenants and API keys, load the sample company.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(tenants.app, name="tenants")
app.add_typer(keys.app, name="keys")


# run and migrate ---------------------------------------------------------------------------------


@app.command()
def run(
    ready_timeout: Annotated[
        float, typer.Option(help="Seconds to wait for every service's /readyz.", min=1)
    ] = 60.0,
) -> None:
    """Migrate, create a local tenant and admin key, run the five services until Ctrl-C."""
    raise typer.Exit(supervisor.run(ready_timeout=ready_timeout))


@app.command()
def migrate(
    services: Annotated[
        list[str] | None,
        typer.Argument(help="Services to migrate (default: all five).", show_default=False),
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


@app.command("move-webhook-data")
def move_webhook_data() -> None:
    """Move the webhooks' rows from the gateway's database to the webhooks service's.

    Needed once, on upgrade, where the gateway served the webhooks and its database holds their
    rows: the gateway's migration refuses to drop those tables until they are empty. `mops
    migrate` and `mops run` do it on their own. Migrate the webhooks database first."""
    from mops_cli import webhook_data

    moved = webhook_data.move_if_any(supervisor.data_dir())
    if moved is None:
        typer.echo("the gateway's database holds no webhook rows: nothing to move")
        return
    for table, count in moved.items():
        typer.echo(f"{table}: {count} rows copied")
    typer.echo("the gateway's webhook tables are empty: `mops migrate gateway` drops them")


@app.command()
def worker() -> None:
    """Process the webhook inbox and deliver outbound webhooks until SIGINT or SIGTERM.

    Run as many as needed beside webhooks services started with
    MOPS_WEBHOOKS_WORKER_ENABLED=false (on PostgreSQL; they never take the same row)."""
    from mops_webhooks.config import WebhooksSettings
    from mops_webhooks.worker import run_standalone

    asyncio.run(run_standalone(WebhooksSettings()))


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


def main() -> None:
    app()
