from enum import StrEnum


class OrgSignal(StrEnum):
    COORDINATION_MATURITY = "coordination_maturity"
    PURCHASE_WITHOUT_RACI = "purchase_without_raci"
    RACI_COMPLETENESS = "raci_completeness"
    TRAINING_COVERAGE = "training_coverage"

    def __str__(self) -> str:
        return str(self.value)
