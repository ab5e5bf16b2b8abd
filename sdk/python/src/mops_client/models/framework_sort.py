from enum import StrEnum


class FrameworkSort(StrEnum):
    KEY = "key"
    VALUE_1 = "-key"

    def __str__(self) -> str:
        return str(self.value)
