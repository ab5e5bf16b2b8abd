"""The `sort` enums the document shows are exactly the orders each list can give."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

import httpx
import pytest

from mops_org.coordination.repository import MECHANISM_SORTS
from mops_org.coordination.schemas import CoordinationMechanismSort
from mops_org.people.repository import PERSON_SORTS
from mops_org.people.schemas import PersonSort
from mops_org.raci.repository import MATRIX_SORTS
from mops_org.raci.schemas import RaciMatrixSort
from mops_org.roles.repository import ROLE_SORTS
from mops_org.roles.schemas import RoleSort
from mops_org.training.repository import ENROLMENT_SORTS, PROGRAMME_SORTS
from mops_org.training.schemas import TrainingEnrolmentSort, TrainingProgrammeSort
from mops_org.units.repository import UNIT_SORTS
from mops_org.units.schemas import UnitSort
from mops_shared.kit.pagination import SortOption

SORTS: list[tuple[type[StrEnum], Mapping[str, SortOption]]] = [
    (UnitSort, UNIT_SORTS),
    (PersonSort, PERSON_SORTS),
    (RoleSort, ROLE_SORTS),
    (RaciMatrixSort, MATRIX_SORTS),
    (CoordinationMechanismSort, MECHANISM_SORTS),
    (TrainingProgrammeSort, PROGRAMME_SORTS),
    (TrainingEnrolmentSort, ENROLMENT_SORTS),
]


@pytest.mark.parametrize(
    ("enum", "options"), SORTS, ids=lambda value: getattr(value, "__name__", "")
)
def test_each_sort_enum_is_its_lists_options(
    enum: type[StrEnum], options: Mapping[str, SortOption]
) -> None:
    assert [member.value for member in enum] == list(options)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "path",
    [
        "/v1/org/units",
        "/v1/org/people",
        "/v1/org/roles",
        "/v1/org/raci-matrices",
        "/v1/org/coordination-mechanisms",
        "/v1/org/training-programmes",
    ],
)
async def test_an_unknown_sort_is_refused_as_the_document_says(
    client: httpx.AsyncClient, path: str
) -> None:
    assert (await client.get(path, params={"sort": "-name"})).status_code == 200
    response = await client.get(path, params={"sort": "colour"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["pointer"] == "/sort"
