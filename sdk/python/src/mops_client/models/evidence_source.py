from enum import StrEnum


class EvidenceSource(StrEnum):
    INVENTORY = "inventory"
    ORG = "org"
    SCORING = "scoring"

    def __str__(self) -> str:
        return str(self.value)
