from enum import StrEnum


class ReadinessLevel(StrEnum):
    ESSENTIAL = "essential"
    NOT_YET = "not_yet"
    STRATEGIC = "strategic"

    def __str__(self) -> str:
        return str(self.value)
