from enum import StrEnum


class ApiScope(StrEnum):
    ADMIN = "admin"
    INVENTORYREAD = "inventory:read"
    INVENTORYWRITE = "inventory:write"
    ORGREAD = "org:read"
    ORGWRITE = "org:write"
    SCORINGREAD = "scoring:read"
    SCORINGWRITE = "scoring:write"
    WEBHOOKSADMIN = "webhooks:admin"

    def __str__(self) -> str:
        return str(self.value)
