from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from mops_shared.settings import ServiceSettings


class InventorySettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="MOPS_INVENTORY_", extra="ignore", populate_by_name=True
    )

    service_name: str = "inventory"
    port: int = 8081
