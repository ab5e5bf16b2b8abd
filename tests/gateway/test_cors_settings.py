"""`MOPS_CORS_ORIGINS`: origins only, checked when the gateway starts."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mops_gateway.config import GatewaySettings


def test_origins_are_split_and_trimmed() -> None:
    settings = GatewaySettings(cors_origins=" https://a.example ,http://localhost:3000/,, ")
    assert settings.cors_origin_list() == ["https://a.example", "http://localhost:3000"]
    assert GatewaySettings().cors_origin_list() == []


@pytest.mark.parametrize("origin", ["app.example.com", "https://app.example.com/path", "ftp://x"])
def test_a_value_that_is_not_an_origin_is_refused_at_start(origin: str) -> None:
    with pytest.raises(ValidationError, match="not an origin"):
        GatewaySettings(cors_origins=f"https://ok.example, {origin}")
