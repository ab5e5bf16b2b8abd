from enum import StrEnum


class InboxSort(StrEnum):
    RECEIVED_AT = "received_at"
    VALUE_1 = "-received_at"

    def __str__(self) -> str:
        return str(self.value)
