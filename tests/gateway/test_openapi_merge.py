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
