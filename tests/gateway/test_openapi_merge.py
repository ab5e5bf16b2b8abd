from __future__ import annotations

import pytest

from mops_gateway.openapi import SchemaConflict, merge_documents


def test_conflicting_schemas_of_two_services_are_refused() -> None:
    a = {"paths": {}, "components": {"schemas": {"Thing": {"type": "string"}}}}
    b = {"paths": {}, "components": {"schemas": {"Thing": {"type": "integer"}}}}
    with pytest.raises(SchemaConflict, match="Thing"):
        merge_documents({"openapi": "3.1.0", "paths": {}}, {"inventory": a, "org": b})


def test_service_health_routes_are_left_out_and_operations_secured() -> None:
    service = {
        "paths": {
            "/healthz": {"get": {"operationId": "org_get_health", "responses": {}}},
            "/v1/org/units": {
                "post": {
                    "operationId": "org_create_unit",
                    "requestBody": {},
                    "responses": {"201": {}},
                }
            },
            "/v1/inventory/smuggled": {"get": {"operationId": "x", "responses": {}}},
        }
    }
    merged = merge_documents({"openapi": "3.1.0", "paths": {}}, {"org": service})
    assert list(merged["paths"]) == ["/v1/org/units"]
    operation = merged["paths"]["/v1/org/units"]["post"]
    assert operation["security"] == [{"ApiKey": []}]
    assert {"201", "401", "403", "413", "429", "502", "503", "504"} <= set(operation["responses"])


def _json(ref: str) -> dict[str, object]:
    return {"content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}}}


def test_links_lead_from_a_create_to_its_object_and_from_a_page_to_the_next() -> None:
    service = {
        "paths": {
            "/v1/org/units": {
                "get": {
                    "operationId": "org_list_units",
                    "parameters": [{"name": "cursor", "in": "query"}],
                    "responses": {"200": _json("UnitPage")},
                },
                "post": {"operationId": "org_create_unit", "responses": {"201": _json("Unit")}},
            },
            "/v1/org/units/{unit_id}": {
                "get": {"operationId": "org_get_unit", "responses": {"200": _json("Unit")}},
                "delete": {"operationId": "org_delete_unit", "responses": {"204": {}}},
            },
            "/v1/org/units/{unit_id}/people/{person_id}": {
                "get": {"operationId": "org_get_member", "responses": {"200": _json("Unit")}}
            },
            "/v1/org/catalogue": {
                "get": {
                    "operationId": "org_list_catalogue",
                    "responses": {"200": _json("UnitPage")},
                }
            },
        },
        "components": {
            "schemas": {
                "Unit": {"properties": {"id": {"type": "string"}}},
                "UnitPage": {"properties": {"items": {}, "next_cursor": {}}},
            }
        },
    }
    merged = merge_documents({"openapi": "3.1.0", "paths": {}}, {"org": service})
    paths = merged["paths"]
    links = paths["/v1/org/units"]["post"]["responses"]["201"]["links"]
    # To every operation of the object; not to one that needs another id besides.
    assert set(links) == {"org_get_unit", "org_delete_unit"}
    assert links["org_get_unit"]["parameters"] == {"unit_id": "$response.body#/id"}
    next_page = paths["/v1/org/units"]["get"]["responses"]["200"]["links"]["next_page"]
    assert next_page["parameters"] == {"cursor": "$response.body#/next_cursor"}
    # A list without a cursor parameter has no next page to follow.
    assert "links" not in paths["/v1/org/catalogue"]["get"]["responses"]["200"]
