from enum import StrEnum


class ActivityKind(StrEnum):
    DATA = "data"
    PROGRAMME = "programme"

    def __str__(self) -> str:
        return str(self.value)
