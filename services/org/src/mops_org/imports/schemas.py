"""Wire models of the org import and export: the layout of the sample organisation file.

Fields that name things (types, levels, letters) are plain strings here on purpose: the import
checks them itself so that every bad value is reported at its own pointer, with the others,
instead of the whole file failing on the first one (so are proficiencies outside 0 to 4). What
is not of its JSON type is refused as any body is: numbers, booleans and dates are strict (no
`"3"` for 3, `0` for false or a number for a date).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, StrictBool

from mops_org.coordination.schemas import CoordinationMechanismCreate
from mops_org.people.schemas import PersonCreate
from mops_org.profile.schemas import OrgProfilePut
from mops_org.raci.schemas import RaciMatrixCreate
from mops_org.roles.schemas import HeldSkill, RoleCreate
from mops_org.training.schemas import TrainingProgrammeCreate, TrainingWaveCreate, WaveSkill
from mops_org.units.schemas import UnitCreate
from mops_shared.contracts.common import Integer, IsoDateTime
from mops_shared.contracts.imports import ImportMode, ImportSeverity
from mops_shared.contracts.org_raci import RaciActivity


def _longest(model: type[BaseModel], field: str) -> int:
    """The `maxLength` the API's own write model documents for the field.

    What the import stores is bounded as the domain's own writes are, taken from them so that
    the two cannot disagree; the import's fields stay loose otherwise, as it reports a blank or
    unknown value itself, at its pointer with the others."""
    schema = model.model_json_schema()["properties"][field]
    for option in (schema, *schema.get("anyOf", ())):
        if "maxLength" in option:
            return int(option["maxLength"])
    raise TypeError(f"{model.__name__}.{field} documents no maxLength")


_LOOSE = ConfigDict(extra="allow", populate_by_name=True)


class ImportOrganisation(BaseModel):
    model_config = _LOOSE

    name: str | None = Field(default=None, max_length=_longest(OrgProfilePut, "name"))
    model: str | None = Field(default=None, description="An operating model (OperatingModel).")
    commerce_structure: str | None = None
    notes: str | None = Field(default=None, max_length=_longest(OrgProfilePut, "notes"))


class ImportUnit(BaseModel):
    model_config = _LOOSE

    name: str = Field(max_length=_longest(UnitCreate, "name"))
    parent: str | None = Field(default=None, description="The parent unit's name; null: a root.")
    type: str = Field(description="A UnitType; American spellings are accepted.")
    role: str | None = Field(default=None, description="`hub`, `spoke` or null.")
    lead: str | None = Field(default=None, description="The email of the unit's lead.")


class ImportSkill(BaseModel):
    model_config = _LOOSE

    skill: str = Field(max_length=_longest(HeldSkill, "skill"))
    proficiency: Integer = Field(description="0 (none) to 4 (expert).")
    assessed_at: IsoDateTime | None = None


class ImportPerson(BaseModel):
    model_config = _LOOSE

    name: str = Field(max_length=_longest(PersonCreate, "name"))
    email: str
    unit: str | None = Field(default=None, description="The unit's name.")
    # A role the catalogue does not have is added under this name.
    role: str | None = Field(
        default=None,
        max_length=_longest(RoleCreate, "name"),
        description="One role's name (or use `roles`).",
    )
    roles: list[Annotated[str, Field(max_length=_longest(RoleCreate, "name"))]] | None = Field(
        default=None, description="Role names, in order."
    )
    manager: str | None = Field(default=None, description="The manager's email.")
    active: StrictBool = True
    skills: list[ImportSkill] | None = None


class ImportRaciActivity(BaseModel):
    model_config = _LOOSE

    activity: str = Field(max_length=_longest(RaciActivity, "name"))
    kind: str | None = Field(
        default=None,
        description="`programme`, `purchase` or `data`; when absent, read from the activity's "
        "name (privacy, consent, personal data: `data`; whole words of buying a tool or "
        "approving one brought: `purchase`; else `programme`) and reported as a warning.",
    )
    assignments: dict[str, str] = Field(
        description="Assignee (a role name, a unit name or a person's email) → R, A, C or I."
    )


class ImportRaci(BaseModel):
    model_config = _LOOSE

    name: str = Field(max_length=_longest(RaciMatrixCreate, "name"))
    roles: list[str] | None = Field(default=None, description="The matrix's columns (informative).")
    allow_accountable_responsible: StrictBool = False
    activities: list[ImportRaciActivity] = Field(default_factory=list)


class ImportCoordination(BaseModel):
    model_config = _LOOSE

    name: str = Field(max_length=_longest(CoordinationMechanismCreate, "name"))
    kind: str
    level: str
    cadence: str | None = None
    description: str | None = Field(
        default=None, max_length=_longest(CoordinationMechanismCreate, "description")
    )
    owner_unit: str | None = None
    participating_units: list[str] = Field(default_factory=list)


class ImportWaveSkill(BaseModel):
    model_config = _LOOSE

    skill: str = Field(max_length=_longest(WaveSkill, "skill"))
    proficiency: Integer


class ImportWave(BaseModel):
    model_config = _LOOSE

    name: str = Field(max_length=_longest(TrainingWaveCreate, "name"))
    level: str = Field(description="`basic` or `advanced`; basic waves come first.")
    tools: list[str] = Field(default_factory=list, description="Inventory tool names.")
    skills: list[ImportWaveSkill] = Field(default_factory=list)


class ImportEnrolment(BaseModel):
    model_config = _LOOSE

    email: str
    wave: str = Field(description="The wave's name.")
    completed_at: IsoDateTime | None = None


class ImportTraining(BaseModel):
    model_config = _LOOSE

    programme: str = Field(max_length=_longest(TrainingProgrammeCreate, "name"))
    description: str | None = Field(
        default=None, max_length=_longest(TrainingProgrammeCreate, "description")
    )
    waves: list[ImportWave] = Field(default_factory=list)
    enrolments: list[ImportEnrolment] = Field(default_factory=list)


class OrgDocument(BaseModel):
    """A whole organisation: what `POST /v1/org/imports` takes and the export gives."""

    model_config = ConfigDict(
        extra="allow",
        populate_by_name=True,
        json_schema_extra={
            "examples": [
                {
                    "organization": {"name": "Acme", "model": "hybrid_matrix"},
                    "units": [
                        {"name": "Acme", "parent": None, "type": "organisation"},
                        {"name": "Marketing Ops", "parent": "Acme", "type": "marketing_ops_centre"},
                    ],
                    "people": [
                        {
                            "name": "Ana Ruiz",
                            "email": "ana@acme.example",
                            "unit": "Marketing Ops",
                            "role": "Marketing Operations Specialist",
                            "skills": [{"skill": "marketing automation", "proficiency": 3}],
                        }
                    ],
                }
            ]
        },
    )

    organization: ImportOrganisation | None = Field(
        default=None, validation_alias=AliasChoices("organization", "organisation")
    )
    units: list[ImportUnit] = Field(default_factory=list)
    people: list[ImportPerson] = Field(default_factory=list)
    raci: ImportRaci | list[ImportRaci] | None = Field(
        default=None, description="One RACI matrix, or a list of them."
    )
    coordination_mechanisms: list[ImportCoordination] = Field(default_factory=list)
    training: ImportTraining | list[ImportTraining] | None = Field(
        default=None, description="One training programme, or a list of them."
    )


class OrgImportProblem(BaseModel):
    pointer: str = Field(description="JSON pointer into the imported document.")
    code: str = Field(description="What kind of defect (stable, for machines).")
    problem: str
    severity: ImportSeverity = Field(
        description="An error keeps the item out; a warning is a defect imported as it is."
    )


class OrgImportCounts(BaseModel):
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0


class OrgImportReport(BaseModel):
    """What an import did, kind by kind, with every defect found at its pointer (in a dry run:
    what it would do, counted as the import counts; nothing is written)."""

    mode: ImportMode
    dry_run: bool = Field(description="True: nothing was written.")
    units: OrgImportCounts
    people: OrgImportCounts
    roles_created: list[str] = Field(description="Roles the file named that were added.")
    raci_matrices: OrgImportCounts
    coordination_mechanisms: OrgImportCounts
    training_programmes: OrgImportCounts
    profile_updated: bool
    problems: list[OrgImportProblem]
