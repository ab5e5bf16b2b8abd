from enum import StrEnum


class ResponseSort(StrEnum):
    SUBMITTED_AT = "submitted_at"
    VALUE_1 = "-submitted_at"

    def __str__(self) -> str:
        return str(self.value)
