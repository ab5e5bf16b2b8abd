from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from mops_shared.kit.settings import ServiceSettings, local_service_url


class WebhooksSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="MOPS_WEBHOOKS_", extra="ignore", populate_by_name=True
    )

    service_name: str = "webhooks"
    port: int = 8084
    inventory_url: str = Field(
        default="",
        description="Where processed CRM events become outcomes; MOPS_INVENTORY_PORT on "
        "loopback when unset.",
    )
    secrets_key: SecretStr | None = Field(
        default=None,
        # The name it had while webhooks were served by the gateway, so an upgrade keeps it.
        validation_alias=AliasChoices(
            "MOPS_WEBHOOKS_SECRETS_KEY", "secrets_key", "MOPS_GATEWAY_WEBHOOK_SECRETS_KEY"
        ),
        description="Fernet key (urlsafe base64 of 32 bytes) that encrypts the CRM connections' "
        "and subscriptions' signing secrets at rest. Required in production; elsewhere derived "
        "from the internal secret when unset.",
    )
    max_receive_bytes: int = Field(
        default=1024 * 1024, ge=1024, description="The largest CRM delivery taken."
    )
    max_body_bytes: int = Field(
        default=25 * 1024 * 1024, ge=1024, description="The largest event batch taken in."
    )
    worker_enabled: bool = Field(
        default=True,
        description="Process the inbox and deliver outbound webhooks in this service process. "
        "Turn off where separate `python -m mops_webhooks.worker` processes do it.",
    )
    worker_poll_seconds: float = Field(
        default=1.0, gt=0, le=60, description="How long an idle worker waits before looking again."
    )
    worker_batch: int = Field(default=100, ge=1, le=1000)
    worker_lease_seconds: float = Field(
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
    # Stored credentials (Pipedrive's password, Salesforce's URL token) are checked with scrypt,
    # ~31 ms of CPU each, away from the event loop (inbound.credential_guard).
    credential_check_threads: int = Field(
        default=2, ge=1, le=16, description="Threads that check stored CRM credentials."
    )
    credential_check_queue: int = Field(
        default=8,
        ge=0,
        description="Credential checks that may wait for a thread; beyond, a delivery is "
        "refused with 503 and Retry-After.",
    )
    credential_failures_per_address: int = Field(
        default=10,
        ge=1,
        description="Deliveries with wrong credentials a source address may send a minute (and "
        "at once) before it gets 429.",
    )
    credential_failures_per_connection: int = Field(
        default=60,
        ge=1,
        description="Deliveries with wrong credentials a connection may receive a minute (and "
        "at once) before unproven ones get 429; credentials already proven still pass.",
    )
    delivery_timeout_seconds: float = Field(
        default=10.0, gt=0, le=15, description="How long a subscriber may take to answer."
    )
    allow_private_targets: bool = Field(
        default=False,
        validation_alias=AliasChoices(
            "MOPS_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "allow_private_targets"
        ),
        description="Let subscriptions post to loopback, private and link-local addresses. For "
        "tests and local development only: it opens the service to server-side request forgery.",
    )

    @model_validator(mode="after")
    def _inventory(self) -> WebhooksSettings:
        if not self.inventory_url:
            self.inventory_url = local_service_url("inventory")
        return self
