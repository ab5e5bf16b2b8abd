from enum import StrEnum


class ScoringSignal(StrEnum):
    DANGER_PROCESS_SHARE = "danger_process_share"

    def __str__(self) -> str:
        return str(self.value)
