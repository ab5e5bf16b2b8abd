from enum import StrEnum


class InventoryOrgSignal(StrEnum):
    CENTRAL_PLATFORM_SPEND_SHARE = "central_platform_spend_share"
    EDGE_CORE_SHARING = "edge_core_sharing"

    def __str__(self) -> str:
        return str(self.value)
