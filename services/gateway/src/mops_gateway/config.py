from __future__ import annotations

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from mops_shared.kit.settings import ServiceSettings, local_service_url


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="MOPS_GATEWAY_", extra="ignore", populate_by_name=True
    )

    service_name: str = "gateway"
    port: int = 8080
    # Upstreams default to the loopback ports `make run` uses (MOPS_<SERVICE>_PORT).
    inventory_url: str = ""
    org_url: str = ""
    scoring_url: str = ""
    redis_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("MOPS_REDIS_URL", "MOPS_GATEWAY_REDIS_URL"),
        description="Rate-limit counters live here when set, shared by every gateway replica.",
    )
    cors_origins: str = Field(
        default="",
        validation_alias=AliasChoices("MOPS_CORS_ORIGINS", "MOPS_GATEWAY_CORS_ORIGINS"),
        description="Comma-separated origins (`https://app.example.com`) whose pages may call "
        "the API from a browser; unset: CORS is off.",
    )
    max_body_bytes: int = Field(default=25 * 1024 * 1024, ge=1024)
    upstream_connect_timeout: float = Field(default=2.0, gt=0)
    upstream_read_timeout: float = Field(default=30.0, gt=0)
    # Connections per service, at most, in use at once: above the clients' concurrency, so the
    # gateway does not queue what the service could take (each service queues its own reads
    # for its database pool, and answers 503 when it cannot). At 16, under 32 connections, a
    # read by id went through at 2 096 req/s; at 64, 2 600 (wrk, the sample company).
    upstream_pool_size: int = Field(default=64, ge=1)
    key_cache_seconds: float = Field(
        default=5.0, ge=0, description="How long an authenticated key is trusted before re-reading."
    )
    rate_limit_per_minute: int = Field(default=1200, ge=1)
    rate_limit_burst: int = Field(default=200, ge=1)
    principal_ttl_seconds: int = Field(default=60, ge=5, le=600)
    webhook_max_body_bytes: int = Field(
        default=1024 * 1024,
        ge=1024,
        description="The largest CRM delivery passed to the webhooks service's receive URL, "
        "which takes no API key.",
    )
    webhook_refusal_delay_seconds: float = Field(
        default=1.0,
        ge=0,
        le=10,
        description="How long a refusal of the receive URL (401 wrong credentials, 429 too many "
        "of them) is held before it is answered: a sender of wrong credentials that waits for "
        "its answers, as senders do, tries once a second per connection instead of thousands.",
    )
    webhook_refusals_held_max: int = Field(
        default=1024,
        ge=0,
        description="At most this many such refusals are held at once; the rest are answered "
        "at once (memory stays bounded whatever a sender does).",
    )

    @field_validator("cors_origins")
    @classmethod
    def _origins(cls, value: str) -> str:
        for origin in _split(value):
            # A browser's Origin is scheme://host[:port]: anything else would never match.
            scheme, sep, host = origin.partition("://")
            if origin != "*" and (
                scheme not in ("http", "https") or not sep or not host or "/" in host
            ):
                raise ValueError(f"{origin!r} is not an origin (scheme://host[:port] or *)")
        return value

    def cors_origin_list(self) -> list[str]:
        return _split(self.cors_origins)

    @model_validator(mode="after")
    def _upstreams(self) -> GatewaySettings:
        for service in ("inventory", "org", "scoring"):  # webhooks_url: ServiceSettings
            if not getattr(self, f"{service}_url"):
                setattr(self, f"{service}_url", local_service_url(service))
        return self

    def upstreams(self) -> dict[str, str]:
        return {
            "inventory": self.inventory_url,
            "org": self.org_url,
            "scoring": self.scoring_url,
            "webhooks": self.webhooks_url,
        }


def _split(origins: str) -> list[str]:
    return [origin.strip().rstrip("/") for origin in origins.split(",") if origin.strip()]
