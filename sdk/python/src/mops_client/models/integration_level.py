from enum import StrEnum


class IntegrationLevel(StrEnum):
    AD_HOC = "ad_hoc"
    FORMALISED = "formalised"
    STANDARDISED = "standardised"

    def __str__(self) -> str:
        return str(self.value)
