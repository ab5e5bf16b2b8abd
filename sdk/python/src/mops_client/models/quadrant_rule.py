from enum import StrEnum


class QuadrantRule(StrEnum):
    GEOMETRIC_MEAN = "geometric_mean"
    MEAN = "mean"
    MINIMUM = "minimum"

    def __str__(self) -> str:
        return str(self.value)
