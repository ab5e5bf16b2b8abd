from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from mops_shared.kit.settings import ServiceSettings, local_service_url


class OrgSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MOPS_ORG_", extra="ignore", populate_by_name=True)

    service_name: str = "org"
    port: int = 8082
    inventory_url: str = Field(
        default="",
        description=(
            "The inventory service (asked which tools a unit or person owns); "
            "MOPS_INVENTORY_PORT locally."
        ),
    )

    @model_validator(mode="after")
    def _downstreams(self) -> OrgSettings:
        if not self.inventory_url:
            self.inventory_url = local_service_url("inventory")
        return self
