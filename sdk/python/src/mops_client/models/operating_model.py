from enum import StrEnum


class OperatingModel(StrEnum):
    CENTRALIZED = "centralized"
    HUB_AND_SPOKE = "hub_and_spoke"
    HYBRID_MATRIX = "hybrid_matrix"
    INDEPENDENT = "independent"

    def __str__(self) -> str:
        return str(self.value)
