from enum import StrEnum


class ActivityKind(StrEnum):
    DATA = "data"
    PROGRAMME = "programme"
    PURCHASE = "purchase"

    def __str__(self) -> str:
        return str(self.value)
