from enum import StrEnum


class Provider(StrEnum):
    GENERIC = "generic"
    HUBSPOT = "hubspot"
    PIPEDRIVE = "pipedrive"
    SALESFORCE = "salesforce"

    def __str__(self) -> str:
        return str(self.value)
