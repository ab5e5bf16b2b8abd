from enum import StrEnum


class ToolStatus(StrEnum):
    ACTIVE = "active"
    EVALUATING = "evaluating"
    RETIRED = "retired"
    SUNSETTING = "sunsetting"

    def __str__(self) -> str:
        return str(self.value)
