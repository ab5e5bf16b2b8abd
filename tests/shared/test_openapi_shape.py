"""The OpenAPI document every service makes, as SDK generators need it."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from mops_shared.kit.app import create_service_app
from mops_shared.kit.settings import ServiceSettings


class Colour(StrEnum):
    red = "red"


class Paint(BaseModel):
    colour: Colour


def test_the_document_types_parameters_as_generators_need_them() -> None:
    """A query value is never null, a `$ref` keeps no siblings, a body may be malformed (400)."""

    router = APIRouter()

    @router.post("/v1/paints", operation_id="paints_create_paint")
    async def create(
        body: Paint,
        colour: Annotated[Colour | None, Query(description="Only this colour.")] = None,
        shade: Annotated[Colour, Query(description="A shade.")] = Colour.red,
        name: Annotated[str | None, Query(description="A name.")] = None,
    ) -> Paint:
        return body

    app = create_service_app(
        settings=ServiceSettings(service_name="paints"),
        title="paints",
        description="d",
        routers=[router],
    )
    operation = app.openapi()["paths"]["/v1/paints"]["post"]
    schemas = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert schemas["colour"] == {"$ref": "#/components/schemas/Colour"}
    assert schemas["shade"] == {
        "allOf": [{"$ref": "#/components/schemas/Colour"}],
        "default": "red",
    }
    assert schemas["name"] == {"type": "string"}
    assert operation["responses"]["400"]["content"]["application/problem+json"]["schema"] == {
        "$ref": "#/components/schemas/Problem"
    }
