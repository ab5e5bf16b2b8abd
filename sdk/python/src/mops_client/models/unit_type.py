from enum import StrEnum


class UnitType(StrEnum):
    BUSINESS_UNIT = "business_unit"
    CENTRE_OF_EXCELLENCE = "centre_of_excellence"
    FUNCTION = "function"
    MARKETING_OPS_CENTRE = "marketing_ops_centre"
    ORGANISATION = "organisation"
    REGION = "region"
    TEAM = "team"

    def __str__(self) -> str:
        return str(self.value)
