from enum import StrEnum


class ContributionSource(StrEnum):
    EVIDENCE = "evidence"
    QUESTION = "question"

    def __str__(self) -> str:
        return str(self.value)
