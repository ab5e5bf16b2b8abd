from enum import StrEnum


class PlanStatus(StrEnum):
    ADOPTED = "adopted"
    DRAFT = "draft"

    def __str__(self) -> str:
        return str(self.value)
