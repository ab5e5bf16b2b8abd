from enum import StrEnum


class SyncMode(StrEnum):
    BATCH = "batch"
    MANUAL = "manual"
    REALTIME = "realtime"

    def __str__(self) -> str:
        return str(self.value)
