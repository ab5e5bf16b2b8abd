from __future__ import annotations

from pydantic import Field, model_validator
from pydantic_settings import SettingsConfigDict

from mops_shared.kit.settings import ServiceSettings, local_service_url


class ScoringSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="MOPS_SCORING_", extra="ignore", populate_by_name=True
    )

    service_name: str = "scoring"
    port: int = 8083
    inventory_url: str = Field(
        default="",
        description=(
            "The inventory service (linked tools, evidence from the stack); "
            "MOPS_INVENTORY_PORT locally."
        ),
    )
    org_url: str = Field(
        default="",
        description=(
            "The org service (scope units, respondents, org metrics); MOPS_ORG_PORT locally."
        ),
    )

    @model_validator(mode="after")
    def _downstreams(self) -> ScoringSettings:
        if not self.inventory_url:
            self.inventory_url = local_service_url("inventory")
        if not self.org_url:
            self.org_url = local_service_url("org")
        return self
