from enum import StrEnum


class RespondentSort(StrEnum):
    ADDED_AT = "added_at"
    VALUE_1 = "-added_at"

    def __str__(self) -> str:
        return str(self.value)
