from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from mops_shared.kit.settings import ServiceSettings, local_service_url


class InventorySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="MOPS_INVENTORY_", extra="ignore", populate_by_name=True
    )

    service_name: str = "inventory"
    port: int = 8081
    org_url: str = Field(
        default="", description="The org service (owners are checked there); MOPS_ORG_PORT locally."
    )
    import_max_rows: int = Field(default=50_000, ge=1, description="Rows one import may hold.")
    import_max_bytes: int = Field(
        default=20 * 1024 * 1024, ge=1024, description="Bytes one import may hold."
    )
    renewal_sweep_seconds: float = Field(
        default=3600,
        ge=0,
        description="Seconds between sweeps announcing due contract renewals (0: never).",
    )
    renewal_horizon_days: int = Field(
        default=30,
        ge=0,
        le=365,
        description="Days ahead of today a renewal's notice deadline makes it due.",
    )

    @model_validator(mode="after")
    def _downstreams(self) -> InventorySettings:
        if not self.org_url:
            self.org_url = local_service_url("org")
        return self
