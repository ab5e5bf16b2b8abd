from enum import StrEnum


class UnitRole(StrEnum):
    HUB = "hub"
    SPOKE = "spoke"

    def __str__(self) -> str:
        return str(self.value)
