from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import SettingsConfigDict

from mops_shared.kit.settings import ServiceSettings, local_service_url


class GatewaySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="MOPS_GATEWAY_", extra="ignore", populate_by_name=True
    )

    service_name: str = "gateway"
    port: int = 8080
    # Twice the services': the gateway takes every webhook delivery, and a burst beyond the
    # pool opens and closes overflow connections, each a PostgreSQL backend to start
    # (bench/webhooks.py, 16 senders: 180 acks/s with 20, 166 with 10, same run).
    database_pool_size: int = 20
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
    upstream_pool_size: int = Field(default=16, ge=1)
    key_cache_seconds: float = Field(
        default=5.0, ge=0, description="How long an authenticated key is trusted before re-reading."
    )
    rate_limit_per_minute: int = Field(default=1200, ge=1)
    rate_limit_burst: int = Field(default=200, ge=1)
    principal_ttl_seconds: int = Field(default=60, ge=5, le=600)
    webhook_secrets_key: SecretStr | None = Field(
        default=None,
        description="Fernet key (urlsafe base64 of 32 bytes) that encrypts the CRM connections' "
        "signing secrets at rest. Required in production; elsewhere derived from the internal "
        "secret when unset.",
    )
    webhook_max_body_bytes: int = Field(default=1024 * 1024, ge=1024)
    webhook_worker_enabled: bool = Field(
        default=True,
        description="Process the inbox and deliver outbound webhooks in this gateway process. "
        "Turn off where separate `mops worker` processes do it.",
    )
    webhook_worker_poll_seconds: float = Field(
        default=1.0, gt=0, le=60, description="How long an idle worker waits before looking again."
    )
    webhook_worker_batch: int = Field(default=100, ge=1, le=1000)
    webhook_worker_lease_seconds: float = Field(
        default=120.0,
        gt=0,
        description="How long a claimed inbound event is left to its worker; if the worker dies "
        "it is due again after this. Longer than an inventory call may take.",
    )
    inbox_max_attempts: int = Field(
        default=8, ge=1, le=30, description="Processing tries before an inbound event is dead."
    )
    inbox_retry_base_seconds: float = Field(
        default=10.0, gt=0, description="The first retry's delay; each further one doubles."
    )
    delivery_timeout_seconds: float = Field(
        default=10.0, gt=0, le=15, description="How long a subscriber may take to answer."
    )
    allow_private_targets: bool = Field(
        default=False,
        validation_alias=AliasChoices("MOPS_WEBHOOKS_ALLOW_PRIVATE_TARGETS"),
        description="Let subscriptions post to loopback, private and link-local addresses. For "
        "tests and local development only: it opens the gateway to server-side request forgery.",
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
        for service in ("inventory", "org", "scoring"):
            if not getattr(self, f"{service}_url"):
                setattr(self, f"{service}_url", local_service_url(service))
        return self

    def upstreams(self) -> dict[str, str]:
        return {"inventory": self.inventory_url, "org": self.org_url, "scoring": self.scoring_url}


def _split(origins: str) -> list[str]:
    return [origin.strip().rstrip("/") for origin in origins.split(",") if origin.strip()]
