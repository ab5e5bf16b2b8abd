"""The list envelope every paginated endpoint returns."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, Field

ItemT = TypeVar("ItemT")


class Page(BaseModel, Generic[ItemT]):
    """Subclass per resource (`class UnitPage(Page[UnitRead])`) so SDKs get a named type."""

    items: list[ItemT]
    next_cursor: str | None = Field(
        default=None,
        description="Pass as `cursor` to get the next page; null on the last page.",
    )
