from __future__ import annotations

from pydantic_settings import SettingsConfigDict

from mops_shared.settings import ServiceSettings


class OrgSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="MOPS_ORG_", extra="ignore", populate_by_name=True)

    service_name: str = "org"
    port: int = 8082
