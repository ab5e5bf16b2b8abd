"""Wire models of the gateway's own area (`/v1/admin/...`): tenants and API keys."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from mops_shared.contracts.common import Name, json_integer
from mops_shared.contracts.pagination import Page
from mops_shared.kit.auth import ApiScope

# An integer as the document means it: `true` or "60" is refused, not read as 1 or 60.
_Count = Annotated[int, Field(ge=1, le=1_000_000), BeforeValidator(json_integer)]


class RateLimit(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requests_per_minute: _Count = Field(description="Sustained rate.")
    burst: _Count = Field(description="Requests allowed at once.")


class ApiKeyCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"name": "ci", "scopes": ["inventory:read", "inventory:write"]}]
        },
    )

    name: Name
    scopes: list[ApiScope] = Field(min_length=1)
    rate_limit: RateLimit | None = Field(
        default=None, description="Overrides the gateway's default limit for this key."
    )


class ApiKeyRotate(BaseModel):
    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"grace_seconds": 3600}]}
    )

    grace_seconds: Annotated[int, Field(ge=0, le=7 * 24 * 3600), BeforeValidator(json_integer)] = (
        Field(
            default=0,
            description="How long the old secret keeps working, so callers can switch over.",
        )
    )


class ApiKeyRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    name: str
    scopes: list[ApiScope]
    rate_limit: RateLimit | None
    created_at: datetime
    revoked_at: datetime | None
    rotated_at: datetime | None


class ApiKeyCreated(ApiKeyRead):
    key: str = Field(description="The whole key, `mops_<id>_<secret>`: shown this once only.")


class ApiKeyPage(Page[ApiKeyRead]):
    pass
