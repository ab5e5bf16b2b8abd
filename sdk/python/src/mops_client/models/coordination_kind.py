from enum import StrEnum


class CoordinationKind(StrEnum):
    ADVISORY_BOARD = "advisory_board"
    COMMUNITY_OF_PRACTICE = "community_of_practice"
    FORMAL_PROCESS = "formal_process"
    FORUM = "forum"
    INCENTIVES = "incentives"
    MEETING = "meeting"
    PILOT = "pilot"
    STANDARDS = "standards"

    def __str__(self) -> str:
        return str(self.value)
