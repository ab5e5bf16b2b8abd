from enum import StrEnum


class Cadence(StrEnum):
    AD_HOC = "ad_hoc"
    BIWEEKLY = "biweekly"
    CONTINUOUS = "continuous"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    WEEKLY = "weekly"
    YEARLY = "yearly"

    def __str__(self) -> str:
        return str(self.value)
