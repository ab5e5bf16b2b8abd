from enum import StrEnum


class InboxStatus(StrEnum):
    DEAD = "dead"
    FAILED = "failed"
    PENDING = "pending"
    PROCESSED = "processed"
    UNMAPPED = "unmapped"

    def __str__(self) -> str:
        return str(self.value)
