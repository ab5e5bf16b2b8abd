from enum import StrEnum


class OutcomeKind(StrEnum):
    COST_SAVING = "cost_saving"
    LEAD = "lead"
    OPPORTUNITY = "opportunity"
    RETENTION = "retention"
    REVENUE = "revenue"

    def __str__(self) -> str:
        return str(self.value)
