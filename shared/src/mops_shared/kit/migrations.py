"""Alembic helpers for the migration tooling: the async env.py every service history uses."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import context
from alembic.config import Config
from sqlalchemy import MetaData
from sqlalchemy.engine import Connection

from mops_shared.kit.db import create_engine


def alembic_config(alembic_ini: Path, service: str, database_url: str | None = None) -> Config:
    config = Config(str(alembic_ini), ini_section=service)
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def _configure(connection: Connection, metadata: MetaData) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        compare_type=True,
        compare_server_default=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online(url: str, metadata: MetaData) -> None:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            await conn.run_sync(_configure, metadata)
            await conn.commit()
    finally:
        await engine.dispose()


def run_env(metadata: MetaData, default_url: str) -> None:
    """The body of every service's env.py; the URL comes from the caller or the settings."""
    url = context.config.attributes.get("database_url") or default_url
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=metadata, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    connection = context.config.attributes.get("connection")
    if connection is not None:  # a caller that already holds a sync connection (autogenerate tests)
        _configure(connection, metadata)
        return
    asyncio.run(_run_online(url, metadata))
