"""The committed Python SDK (sdk/python, `mops_client`): what the generator makes from the
committed document, every operation in it, and the drift check able to see a difference."""

from __future__ import annotations

import json
from types import ModuleType

import httpx
import pytest

from contract import sdk
from mops_client import Client
from mops_client.api.scoring import scoring_get_result_cx_matrix, scoring_get_result_grid
from mops_client.models import Problem


@pytest.fixture(scope="module")
def fresh() -> sdk.Files:
    return sdk.generate()


def test_the_committed_sdk_is_what_the_generator_makes(fresh: sdk.Files) -> None:
    found = sdk.differences(sdk.committed(), fresh)
    assert found == [], "sdk/python is stale: run `.venv/bin/python -m contract.sdk` and commit it"


def test_every_operation_has_a_generated_call(fresh: sdk.Files) -> None:
    document = json.loads(sdk.DOCUMENT.read_text())
    operations = {
        operation["operationId"]: operation["tags"][0]
        for item in document["paths"].values()
        for method, operation in item.items()
        if method in ("get", "put", "post", "patch", "delete")
    }
    generated = {
        name.split("/")[2].removesuffix(".py"): name.split("/")[1]
        for name in fresh
        if name.startswith("api/") and name.count("/") == 2 and not name.endswith("__init__.py")
    }
    assert generated == operations
    assert "py.typed" in fresh


def test_the_drift_check_sees_a_changed_a_missing_and_a_stale_file(fresh: sdk.Files) -> None:
    ours = dict(fresh)
    ours["client.py"] += "# edited by hand\n"
    del ours["types.py"]
    ours["api/gone/old_operation.py"] = ""
    found = sdk.differences(ours, fresh)
    assert [line.split("\n")[0] for line in found] == [
        "api/gone/old_operation.py: not generated any more",
        "types.py: missing",
        "client.py: differs",
    ]
    assert "-# edited by hand" in found[2]


def test_generator_warnings_beyond_its_known_limits_are_problems() -> None:
    known = (
        "Generating /tmp/x/mops_client\n"
        "Warning(s) encountered while generating. Client was generated, but some pieces may be"
        " missing\n\nWARNING parsing POST /v1/inventory/imports within inventory.\n\n"
        'Unsupported content type text/csv\n\n{\n  "required": true\n}\n'
    )
    assert sdk.generator_problems(known) == []
    unknown = known + (
        "\nWARNING parsing GET /v1/x within x.\n\nUnsupported content_type application/xml\n"
        '{\n  "description": "x"\n}\n'
    )
    assert sdk.generator_problems(unknown) == [
        "WARNING parsing GET /v1/x within x.",
        "Unsupported content_type application/xml",
    ]


@pytest.mark.parametrize("module", [scoring_get_result_grid, scoring_get_result_cx_matrix])
def test_the_result_pictures_are_read_as_svg_text(module: ModuleType) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>é</text></svg>'
    client = Client(base_url="http://127.0.0.1")
    answer = httpx.Response(200, content=svg.encode(), headers={"content-type": "image/svg+xml"})
    assert module._parse_response(client=client, response=answer) == svg
    missing = httpx.Response(
        404,
        json={"title": "Not found", "status": 404},
        headers={"content-type": "application/problem+json"},
    )
    problem = module._parse_response(client=client, response=missing)
    assert isinstance(problem, Problem)
    assert problem.status == 404
