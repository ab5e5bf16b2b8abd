from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from mops_shared.settings import ServiceSettings


class ScoringSettings(ServiceSettings):
    model_config = SettingsConfigDict(
        env_prefix="MOPS_SCORING_", extra="ignore", populate_by_name=True
    )

    service_name: str = "scoring"
    port: int = 8083
