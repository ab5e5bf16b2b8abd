from enum import StrEnum


class BarrierKind(StrEnum):
    BUDGET = "budget"
    PROCESS = "process"
    STAKEHOLDERS = "stakeholders"
    TECHNOLOGY = "technology"

    def __str__(self) -> str:
        return str(self.value)
