"""FastAPI dependencies every service uses (services add their own in their deps.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_shared.kit.reads import read_connection


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """A session from the lifespan's sessionmaker; the service layer commits, not this teardown."""
    async with request.app.state.sessionmaker() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def get_read_connection(request: Request) -> AsyncIterator[AsyncConnection]:
    """A connection for a GET's Core selects (`mops_shared.kit.reads`): no session, no
    transaction."""
    async with read_connection(request.app.state.read_engine) as conn:
        yield conn


ReadDep = Annotated[AsyncConnection, Depends(get_read_connection)]
