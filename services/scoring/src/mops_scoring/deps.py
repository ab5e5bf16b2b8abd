from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from mops_shared.auth import Principal, principal_dependency
from mops_shared.deps import SessionDep

PrincipalDep = Annotated[Principal, Depends(principal_dependency("scoring"))]

__all__ = ["PrincipalDep", "SessionDep"]
