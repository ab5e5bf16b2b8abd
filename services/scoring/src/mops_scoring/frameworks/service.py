"""Framework versions: read the ones a tenant sees, write new ones. A version is never changed
once written; editing a framework means writing its next version."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_scoring.db import writes
from mops_scoring.frameworks import repository
from mops_scoring.frameworks.checks import check_document
from mops_scoring.frameworks.models import Framework
from mops_scoring.frameworks.schemas import (
    FrameworkCreate,
    FrameworkDetail,
    FrameworkDocument,
    FrameworkDocumentWrite,
)
from mops_shared.contracts.scoring import FrameworkRead
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, NotFound, ValidationFailed, body_error, found
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import WireJSON, dumps
from mops_shared.kit.writes import WRITE_ATTEMPTS

FRAMEWORKS = "/v1/scoring/frameworks"
FRAMEWORK_SORTS = repository.FRAMEWORK_SORTS


def detail(framework: Framework) -> FrameworkDetail:
    return FrameworkDetail.model_validate(framework)


# --- reads as JSON (GET answers: rows to bytes, `mops_shared.kit.reads`) ------------------------

FRAMEWORK_JSON = WireJSON(FrameworkRead)
DETAIL_JSON = WireJSON(FrameworkDetail)
# The schema every document follows (one model per kind), written once: it is the code's.
DOCUMENT_SCHEMA_JSON = dumps(TypeAdapter(FrameworkDocumentWrite).json_schema())


def _wire_document(row: Mapping[Any, Any]) -> Any:
    """The version's document as `FrameworkDocument` writes it. A tenant's version was stored
    as that model wrote it (`_write`), and goes out as stored; a built-in one is the document
    shipped with the package, written by hand (its keys in another order, defaults left out),
    and goes out as the model makes it."""
    if not row["built_in"]:
        return row["document"]
    return FrameworkDocument.model_validate(row["document"]).model_dump(mode="json")


async def read_framework(
    conn: AsyncConnection, principal: Principal, framework_id: uuid.UUID
) -> tuple[bytes, int]:
    """A version the tenant sees as `FrameworkDetail`'s JSON, with its version number (its
    ETag: versions never change)."""
    row = found(
        await repository.detail_row(conn, principal.tenant_id, framework_id),
        f"No framework version {framework_id}.",
    )
    return DETAIL_JSON.dumps(DETAIL_JSON.item(row, document=_wire_document(row))), int(
        row["version"]
    )


async def read_frameworks(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    key: str | None,
    kind: str | None,
) -> bytes:
    """`list_frameworks`' answer as JSON: the versions without their documents."""
    rows, next_cursor = await repository.page_rows(
        conn, principal.tenant_id, sort=sort, limit=limit, cursor=cursor, key=key, kind=kind
    )
    return FRAMEWORK_JSON.dumps_page(FRAMEWORK_JSON.items(rows), next_cursor)


async def document_of(session: AsyncSession, framework_id: uuid.UUID) -> FrameworkDocument:
    """The document of a framework version something was made with (an assessment, a
    result): the foreign keys keep the version there."""
    framework = await version_of(session, framework_id)
    return FrameworkDocument.model_validate(framework.document)


async def version_of(session: AsyncSession, framework_id: uuid.UUID) -> Framework:
    """The framework version something was made with, whatever its tenant (built in or the
    tenant's own when it was made)."""
    framework = await repository.get(session, framework_id)
    if framework is None:  # the foreign keys keep this from happening
        raise NotFound(f"The framework version {framework_id} is gone.")
    return framework


async def visible_version(
    session: AsyncSession, tenant_id: uuid.UUID, framework_id: uuid.UUID
) -> Framework | None:
    """A version the tenant sees (built in or its own), None otherwise."""
    return await repository.get_visible(session, tenant_id, framework_id)


def _as_stored(data: FrameworkCreate) -> FrameworkDocument:
    """The document written (the model of its kind) as every version is stored and read."""
    return FrameworkDocument.model_validate(data.document.model_dump())


async def framework_or_404(
    session: AsyncSession, principal: Principal, framework_id: uuid.UUID
) -> Framework:
    """A version the tenant sees (built in or its own); another tenant's is as absent as none."""
    framework = found(
        await repository.get_visible(session, principal.tenant_id, framework_id),
        f"No framework version {framework_id}.",
    )
    return framework


async def create_framework(
    session: AsyncSession, principal: Principal, data: FrameworkCreate
) -> FrameworkDetail:
    """Version 1 of a framework of the tenant's own; its key must be new to the tenant."""
    document = _as_stored(data)
    ValidationFailed.raise_if_any(check_document(document, "/document"))
    if await repository.latest_version(session, principal.tenant_id, document.key) is not None:
        raise Conflict(
            f"A framework {document.key!r} exists: write its next version with "
            f"POST {FRAMEWORKS}/{{id}}/versions."
        )
    try:
        return await _write(session, principal, document, version=1, based_on_id=None)
    except IntegrityError as exc:  # a concurrent request created the same key
        await session.rollback()
        raise Conflict(f"A framework {document.key!r} was created at the same time.") from exc


async def create_version(
    session: AsyncSession, principal: Principal, framework_id: uuid.UUID, data: FrameworkCreate
) -> FrameworkDetail:
    """The tenant's next version of the framework `framework_id` is a version of (a built-in
    one or its own), numbered after the highest it sees, made from `framework_id`."""
    base = await framework_or_404(session, principal, framework_id)
    document = _as_stored(data)
    errors = check_document(document, "/document")
    if document.key != base.key:
        errors.append(body_error("/document/key", f"must stay {base.key!r}, the framework's key"))
    if document.kind != base.kind:
        errors.append(
            body_error("/document/kind", f"must stay {base.kind!r}, the framework's kind")
        )
    ValidationFailed.raise_if_any(errors)
    key, based_on_id = base.key, base.id  # a rollback below expires `base`
    for _ in range(WRITE_ATTEMPTS):
        latest = await repository.latest_version(session, principal.tenant_id, key) or 0
        try:
            return await _write(
                session, principal, document, version=latest + 1, based_on_id=based_on_id
            )
        except IntegrityError:  # a concurrent request took that version number: take the next
            await session.rollback()
    raise Conflict(f"Versions of {key!r} kept being written at the same time; retry.")


async def _write(
    session: AsyncSession,
    principal: Principal,
    document: FrameworkDocument,
    *,
    version: int,
    based_on_id: uuid.UUID | None,
) -> FrameworkDetail:
    framework = repository.add(
        session,
        Framework(
            tenant_id=principal.tenant_id,
            key=document.key,
            version=version,
            name=document.name,
            kind=document.kind.value,
            built_in=False,
            document=document.model_dump(mode="json"),
            based_on_id=based_on_id,
            created_at=utcnow(),
        ),
    )
    # Flushed first so a lost race for the version number fails before anything else.
    await session.flush()
    created = detail(framework)
    await writes.record_change(
        session,
        principal,
        action="create",
        object_type="framework",
        object_id=created.id,
        before=None,
        after=created.model_dump(mode="json"),
        event="framework.created",
    )
    await session.commit()
    return created
