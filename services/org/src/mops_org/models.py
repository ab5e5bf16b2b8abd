"""Every table of the org service, gathered so Alembic sees the whole metadata."""

from __future__ import annotations

from mops_org.coordination.models import CoordinationMechanism, CoordinationParticipant
from mops_org.db import org_registry, writes
from mops_org.people.models import Person
from mops_org.profile.models import OrgProfile
from mops_org.raci.models import RaciMatrix
from mops_org.roles.models import PersonRole, PersonSkill, Role, RoleSkill
from mops_org.training.models import TrainingEnrolment, TrainingProgramme, TrainingWave
from mops_org.units.models import Unit

metadata = org_registry.metadata

__all__ = [
    "CoordinationMechanism",
    "CoordinationParticipant",
    "OrgProfile",
    "Person",
    "PersonRole",
    "PersonSkill",
    "RaciMatrix",
    "Role",
    "RoleSkill",
    "TrainingEnrolment",
    "TrainingProgramme",
    "TrainingWave",
    "Unit",
    "metadata",
    "writes",
]
