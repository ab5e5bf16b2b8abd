from enum import StrEnum


class IntegrationStatus(StrEnum):
    ACTIVE = "active"
    BROKEN = "broken"
    PLANNED = "planned"
    RETIRED = "retired"

    def __str__(self) -> str:
        return str(self.value)
