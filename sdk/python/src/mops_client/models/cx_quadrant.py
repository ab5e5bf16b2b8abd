from enum import StrEnum


class CxQuadrant(StrEnum):
    DANGER = "danger"
    IMPROVE = "improve"
    PROTECT = "protect"
    VERIFY = "verify"

    def __str__(self) -> str:
        return str(self.value)
