from enum import StrEnum


class SkillSource(StrEnum):
    HIRE = "hire"
    PARTNER = "partner"
    TRAIN = "train"

    def __str__(self) -> str:
        return str(self.value)
