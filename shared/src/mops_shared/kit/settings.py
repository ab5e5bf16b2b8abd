"""Settings common to every mops process, read from the environment only.

Each service subclasses `ServiceSettings` with its own `env_prefix` (`MOPS_ORG_`, ...). A few
values are deliberately shared by all processes and carry no service prefix: the environment
name, the data folder, the internal secret that signs principals, and where the webhooks
service's event intake is (with the outbox relay's switches).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import httpx
from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from mops_shared.kit.db import DEFAULT_POOL_SIZE, DEFAULT_POOL_TIMEOUT

# Refused outside development (see the validator below).
DEVELOPMENT_INTERNAL_SECRET = "dev-internal-secret-change-me"

Environment = Literal["development", "test", "production"]


def default_database_url(data_dir: Path, service: str) -> str:
    """The embedded default: one SQLite file per service in the data folder."""
    return f"sqlite+aiosqlite:///{data_dir / service}.db"


DEFAULT_PORTS = {"gateway": 8080, "inventory": 8081, "org": 8082, "scoring": 8083, "webhooks": 8084}


def local_service_url(service: str) -> str:
    """Where a service listens when all run on one machine (`make run`): MOPS_<S>_PORT."""
    port = int(os.environ.get(f"MOPS_{service.upper()}_PORT", DEFAULT_PORTS[service]))
    return f"http://127.0.0.1:{port}"


def _shared(name: str) -> AliasChoices:
    """An environment variable read without the service prefix (e.g. MOPS_DATA_DIR)."""
    return AliasChoices(name)


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    service_name: str = "service"
    environment: Environment = Field(
        default="development", validation_alias=_shared("MOPS_ENVIRONMENT")
    )
    data_dir: Path = Field(default=Path("var"), validation_alias=_shared("MOPS_DATA_DIR"))
    internal_secret: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_INTERNAL_SECRET),
        validation_alias=_shared("MOPS_INTERNAL_SECRET"),
        description="HMAC key for the principal the gateway forwards; the same in every process.",
    )
    alembic_ini: Path = Field(
        default=Path("migrations/alembic.ini"),
        validation_alias=_shared("MOPS_ALEMBIC_INI"),
        description="Where the Alembic histories live; /readyz compares the database to its head.",
    )
    allow_placeholder_secret: bool = Field(
        default=False,
        validation_alias=_shared("MOPS_ALLOW_PLACEHOLDER_SECRET"),
        description="Start with the public placeholder internal secret outside the `test` "
        "environment (a throwaway experiment); anyone can sign principals with it.",
    )
    log_level: str = Field(default="INFO", validation_alias=_shared("MOPS_LOG_LEVEL"))
    access_log: bool = Field(default=True, validation_alias=_shared("MOPS_ACCESS_LOG"))
    host: str = "127.0.0.1"
    port: int = 8080
    # Prometheus metrics on a port of their own (kit.metrics): MOPS_<S>_METRICS_PORT for one
    # service, else MOPS_METRICS_PORT for every process (one per pod); off when neither is set.
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    shared_metrics_port: int | None = Field(
        default=None, ge=0, le=65535, validation_alias=_shared("MOPS_METRICS_PORT")
    )
    metrics_host: str = Field(
        default="127.0.0.1",
        validation_alias=_shared("MOPS_METRICS_HOST"),
        description="Where the metrics port listens (0.0.0.0 in a pod, for Prometheus).",
    )
    database_url: str = ""
    # The connections this process's pool may open, each kept once opened (README, "Production":
    # the connection budget). MOPS_<S>_DATABASE_POOL_SIZE for one service, else MOPS_DB_POOL_SIZE
    # for every process, else DEFAULT_POOL_SIZE.
    database_pool_size: int | None = Field(default=None, ge=1)
    shared_pool_size: int = Field(
        default=DEFAULT_POOL_SIZE, ge=1, validation_alias=_shared("MOPS_DB_POOL_SIZE")
    )
    database_pool_timeout: float = Field(
        default=DEFAULT_POOL_TIMEOUT,
        gt=0,
        validation_alias=_shared("MOPS_DB_POOL_TIMEOUT"),
        description="Seconds a request waits for a pooled connection before a 503.",
    )
    database_echo: bool = False
    gc_young_threshold: int = Field(
        default=10_000,
        ge=0,
        validation_alias=_shared("MOPS_GC_YOUNG_THRESHOLD"),
        description=(
            "Allocations between two young-generation garbage collections, set (with the "
            "startup heap frozen) when the first app of the process starts; 0 leaves CPython's "
            "collector as it is."
        ),
    )
    webhooks_url: str = Field(
        default="",
        validation_alias=_shared("MOPS_WEBHOOKS_URL"),
        description="The webhooks service: where the outbox relay posts domain events (its "
        "event intake), and the gateway routes `/v1/webhooks`; MOPS_WEBHOOKS_PORT on loopback "
        "when unset.",
    )
    relay_enabled: bool = Field(
        default=True,
        validation_alias=_shared("MOPS_RELAY_ENABLED"),
        description="Relay this service's outbox to the webhooks service from a background task.",
    )
    relay_poll_seconds: float = Field(
        default=1.0,
        gt=0,
        le=60,
        validation_alias=_shared("MOPS_RELAY_POLL_SECONDS"),
        description="How long an idle relay waits before looking at the outbox again.",
    )
    # How long a call to another mops service may take before it becomes a 503/504 problem.
    downstream_connect_timeout: float = Field(default=2.0, gt=0)
    downstream_read_timeout: float = Field(default=10.0, gt=0)

    def metrics_port_to_use(self) -> int | None:
        """The port of this process's /metrics, None when they are not served."""
        return self.metrics_port if self.metrics_port is not None else self.shared_metrics_port

    def pool_size(self) -> int:
        """The connections this process's pool may open (its share of the budget)."""
        return self.database_pool_size or self.shared_pool_size

    def downstream_timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.downstream_read_timeout, connect=self.downstream_connect_timeout)

    @model_validator(mode="after")
    def _defaults_and_safety(self) -> ServiceSettings:
        if not self.database_url:
            self.database_url = default_database_url(self.data_dir, self.service_name)
        if not self.webhooks_url:
            self.webhooks_url = local_service_url("webhooks")
        if not self.webhooks_url.startswith(("http://", "https://")):
            raise ValueError("MOPS_WEBHOOKS_URL must be an http:// or https:// URL")
        if (
            self.environment == "production"
            and self.internal_secret.get_secret_value() == DEVELOPMENT_INTERNAL_SECRET
        ):
            raise ValueError("MOPS_INTERNAL_SECRET must be set to a real secret in production")
        if self.environment == "production" and len(self.internal_secret.get_secret_value()) < 32:
            raise ValueError("MOPS_INTERNAL_SECRET must be at least 32 characters in production")
        return self


class PlaceholderSecret(RuntimeError):
    """A service was started with the public placeholder internal secret."""


def check_internal_secret(settings: ServiceSettings) -> bool:
    """Refuses to start a service on the placeholder internal secret, which is in this public
    repository: with it anyone who reaches a service can sign a principal for any tenant.
    `mops run` generates a secret; the `test` environment and MOPS_ALLOW_PLACEHOLDER_SECRET
    start anyway. True when the placeholder is in use (the caller logs a warning)."""
    if settings.internal_secret.get_secret_value() != DEVELOPMENT_INTERNAL_SECRET:
        return False
    if settings.environment == "test" or settings.allow_placeholder_secret:
        return True
    raise PlaceholderSecret(
        "MOPS_INTERNAL_SECRET is not set, and the placeholder secret is public: set "
        "MOPS_INTERNAL_SECRET (the same in every process; `mops run` makes one), or "
        "MOPS_ALLOW_PLACEHOLDER_SECRET=true for a throwaway experiment"
    )
