from enum import StrEnum


class CoreToolsChosenBy(StrEnum):
    CAPABILITY = "capability"
    REQUEST = "request"

    def __str__(self) -> str:
        return str(self.value)
