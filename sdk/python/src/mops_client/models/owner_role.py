from enum import StrEnum


class OwnerRole(StrEnum):
    BUSINESS_OWNER = "business_owner"
    DATA_STEWARD = "data_steward"
    TECHNICAL_OWNER = "technical_owner"

    def __str__(self) -> str:
        return str(self.value)
