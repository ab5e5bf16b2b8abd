from enum import StrEnum


class OutcomeSource(StrEnum):
    API = "api"
    CRM_WEBHOOK = "crm_webhook"
    IMPORT = "import"

    def __str__(self) -> str:
        return str(self.value)
