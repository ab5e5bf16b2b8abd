from enum import StrEnum


class FrameworkKind(StrEnum):
    CX_EFFICIENCY = "cx_efficiency"
    FIVE_FORCES = "five_forces"
    MO_READINESS = "mo_readiness"

    def __str__(self) -> str:
        return str(self.value)
