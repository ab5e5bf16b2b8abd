"""Assessments: a framework version put to respondents, their answers, and closing.

Every write that depends on the assessment being open (respondents, responses, closing) first
moves the assessment row forward with a guarded `UPDATE ... WHERE status = 'open'` in its own
transaction: a response racing a close either lands before the close or is refused, never
stored on a closed assessment.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from mops_scoring.assessments import repository
from mops_scoring.assessments.answers import check_response
from mops_scoring.assessments.models import Assessment, AssessmentResponse
from mops_scoring.assessments.schemas import (
    AssessmentCreate,
    AssessmentRead,
    AssessmentStatus,
    AssessmentUpdate,
    Process,
    RespondentRead,
    RespondentsAdd,
    ResponseRead,
    ResponseSubmit,
)
from mops_scoring.db import writes
from mops_scoring.frameworks.models import Framework
from mops_scoring.frameworks.schemas import FrameworkDocument
from mops_scoring.frameworks.service import version_of, visible_version
from mops_shared.contracts.clients import InventoryClient, OrgClient
from mops_shared.contracts.money import Money
from mops_shared.contracts.problem import ProblemFieldError, ProblemLocation
from mops_shared.contracts.scoring import FrameworkKind
from mops_shared.kit.auth import Principal
from mops_shared.kit.db import utcnow
from mops_shared.kit.errors import Conflict, NotFound, ValidationFailed, body_error, found
from mops_shared.kit.etag import check_if_match
from mops_shared.kit.pagination import SortOption
from mops_shared.kit.reads import WireJSON
from mops_shared.kit.writes import retry_lost_races

_OPEN = AssessmentStatus.open.value
# The router resolves the sorts a client names with these.
ASSESSMENT_SORTS = repository.ASSESSMENT_SORTS
RESPONDENT_SORTS = repository.RESPONDENT_SORTS
RESPONSE_SORTS = repository.RESPONSE_SORTS

ASSESSMENT_JSON = WireJSON(AssessmentRead)
RESPONDENT_JSON = WireJSON(RespondentRead)
RESPONSE_JSON = WireJSON(ResponseRead)


# --- reads ---------------------------------------------------------------------------------------


async def assessment_or_404(
    session: AsyncSession, principal: Principal, assessment_id: uuid.UUID
) -> Assessment:
    """The tenant's assessment; another tenant's is as absent as none."""
    assessment = found(
        await repository.get(session, principal.tenant_id, assessment_id),
        f"No assessment {assessment_id}.",
    )
    return assessment


async def framework_of(session: AsyncSession, assessment: Assessment) -> Framework:
    return await version_of(session, assessment.framework_id)


async def all_responses(
    session: AsyncSession, assessment_id: uuid.UUID
) -> list[AssessmentResponse]:
    """Every response to the assessment, by person id (the order results are computed in)."""
    return await repository.all_responses(session, assessment_id)


def _budget(row: Mapping[Any, Any]) -> dict[str, Any] | None:
    """`Money`'s fields, or None without an amount or a currency."""
    if row["budget_minor"] is None or row["budget_currency"] is None:
        return None
    return {"amount_minor": row["budget_minor"], "currency": row["budget_currency"]}


def _assessment_item(row: Mapping[Any, Any]) -> dict[str, Any]:
    """`AssessmentRead`'s fields of a row of `repository.assessment_row` (its processes as
    stored: each written as `Process` writes it)."""
    return ASSESSMENT_JSON.item(row, marketing_budget=_budget(row))


def budget_of(assessment: Assessment) -> Money | None:
    if assessment.budget_minor is None or assessment.budget_currency is None:
        return None
    return Money(amount_minor=assessment.budget_minor, currency=assessment.budget_currency)


async def read_one(session: AsyncSession, assessment: Assessment) -> AssessmentRead:
    """The assessment as a write answers it, read in the write's transaction as a GET reads
    it."""
    row = await repository.assessment_row(
        await session.connection(), assessment.tenant_id, assessment.id
    )
    if row is None:  # the caller holds the assessment
        raise NotFound(f"No assessment {assessment.id}.")
    return AssessmentRead.model_validate(_assessment_item(row))


async def read_assessment(
    conn: AsyncConnection, principal: Principal, assessment_id: uuid.UUID
) -> tuple[bytes, int]:
    """The tenant's assessment as `AssessmentRead`'s JSON, with its version (for the ETag)."""
    row = found(
        await repository.assessment_row(conn, principal.tenant_id, assessment_id),
        f"No assessment {assessment_id}.",
    )
    return ASSESSMENT_JSON.dumps(_assessment_item(row)), int(row["version"])


async def read_assessments(
    conn: AsyncConnection,
    principal: Principal,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
    status: AssessmentStatus | None,
    framework_id: uuid.UUID | None,
) -> bytes:
    """`list_assessments`' answer as JSON."""
    rows, next_cursor = await repository.page_rows(
        conn,
        principal.tenant_id,
        sort=sort,
        limit=limit,
        cursor=cursor,
        status=status.value if status is not None else None,
        framework_id=framework_id,
    )
    return ASSESSMENT_JSON.dumps_page([_assessment_item(row) for row in rows], next_cursor)


# --- create and update ---------------------------------------------------------------------------


async def create_assessment(
    session: AsyncSession,
    principal: Principal,
    data: AssessmentCreate,
    org: OrgClient,
    inventory: InventoryClient,
) -> AssessmentRead:
    """Checks the framework version, the processes against its kind, the scope unit with the
    org service and the processes' tools with the inventory (503 when either cannot answer),
    then writes the assessment, open."""
    framework = await visible_version(session, principal.tenant_id, data.framework_id)
    if framework is None:
        raise ValidationFailed.at(
            ProblemLocation.body,
            "/framework_id",
            "no framework version with this id for this tenant",
        )
    errors = _process_errors(FrameworkKind(framework.kind), data.processes)
    if data.scope_unit_id is not None and await org.get_unit(principal, data.scope_unit_id) is None:
        errors.append(body_error("/scope_unit_id", "no org unit with this id"))
    errors.extend(await _tool_errors(principal, data.processes, inventory))
    ValidationFailed.raise_if_any(errors)
    now = utcnow()
    assessment = Assessment(
        tenant_id=principal.tenant_id,
        framework_id=framework.id,
        name=data.name,
        scope_unit_id=data.scope_unit_id,
        due_date=data.due_date,
        budget_minor=data.marketing_budget.amount_minor if data.marketing_budget else None,
        budget_currency=data.marketing_budget.currency if data.marketing_budget else None,
        processes=[p.model_dump(mode="json") for p in data.processes],
        status=_OPEN,
        created_at=now,
        updated_at=now,
    )
    repository.add(session, assessment)
    await session.flush()
    created = await read_one(session, assessment)
    await _record(session, principal, "create", created.id, None, created, "assessment.created")
    await session.commit()
    return created


def _process_errors(kind: FrameworkKind, processes: Sequence[Process]) -> list[ProblemFieldError]:
    if kind != FrameworkKind.cx_efficiency:
        return (
            [body_error("/processes", f"a {kind.value} assessment rates no processes")]
            if processes
            else []
        )
    if not processes:
        return [body_error("/processes", "a CX-efficiency assessment rates at least one process")]
    errors = []
    first: dict[str, int] = {}
    for i, process in enumerate(processes):
        earlier = first.setdefault(process.key, i)
        if earlier != i:
            errors.append(body_error(f"/processes/{i}/key", f"the same key as process {earlier}"))
    return errors


async def _tool_errors(
    principal: Principal, processes: Sequence[Process], inventory: InventoryClient
) -> list[ProblemFieldError]:
    wanted = {tool_id for process in processes for tool_id in process.tool_ids}
    if not wanted:
        return []
    known = await inventory.existing_tool_ids(principal, wanted)
    return [
        body_error(f"/processes/{i}/tool_ids/{j}", "no inventory tool with this id")
        for i, process in enumerate(processes)
        for j, tool_id in enumerate(process.tool_ids)
        if tool_id not in known
    ]


async def update_assessment(
    session: AsyncSession,
    principal: Principal,
    assessment_id: uuid.UUID,
    data: AssessmentUpdate,
    if_match: str | None,
) -> AssessmentRead:
    fields = data.model_dump(exclude_unset=True)

    async def attempt() -> AssessmentRead:
        assessment = await assessment_or_404(session, principal, assessment_id)
        check_if_match(if_match, assessment.version)
        _refuse_closed(assessment)
        before = await read_one(session, assessment)
        if "name" in fields and data.name is not None:
            assessment.name = data.name
        if "due_date" in fields:
            assessment.due_date = data.due_date
        if "marketing_budget" in fields:
            budget = data.marketing_budget
            assessment.budget_minor = budget.amount_minor if budget else None
            assessment.budget_currency = budget.currency if budget else None
        if not session.is_modified(assessment):
            return before  # nothing new: same version, no audit entry
        assessment.version += 1
        assessment.updated_at = utcnow()
        await session.flush()
        after = await read_one(session, assessment)
        await _record(session, principal, "update", after.id, before, after, "assessment.updated")
        await session.commit()
        return after

    return await retry_lost_races(session, "assessment", attempt)


def _refuse_closed(assessment: Assessment) -> None:
    if assessment.status != _OPEN:
        raise Conflict(f"Assessment {assessment.id} is closed: it takes no more changes.")


async def _advance_open(session: AsyncSession, assessment: Assessment) -> None:
    """Moves the open assessment to its next version in this transaction, or raises 409: the
    guard that keeps writes from landing on an assessment closed meanwhile."""
    assessment_id = assessment.id  # the rollback below expires `assessment`
    if not await repository.advance_if_open(session, assessment_id):
        await session.rollback()
        raise Conflict(f"Assessment {assessment_id} is closed: it takes no more changes.")


# --- respondents ---------------------------------------------------------------------------------


async def add_respondents(
    session: AsyncSession,
    principal: Principal,
    assessment_id: uuid.UUID,
    data: RespondentsAdd,
    org: OrgClient,
) -> bytes:
    """Adds the people (active people of the tenant, checked with the org service) not yet
    respondents; the first page of respondents comes back (as JSON, as the list writes it)."""
    assessment = await assessment_or_404(session, principal, assessment_id)
    _refuse_closed(assessment)
    people = await org.get_people(principal, data.person_ids)
    errors = []
    for i, person_id in enumerate(data.person_ids):
        person = people.get(person_id)
        if person is None:
            errors.append(body_error(f"/person_ids/{i}", "no person with this id in the org"))
        elif not person.active:
            errors.append(body_error(f"/person_ids/{i}", "this person is no longer active"))
    ValidationFailed.raise_if_any(errors)
    before = await repository.respondent_ids(session, assessment.id)
    added = [p for p in dict.fromkeys(data.person_ids) if p not in before]
    if added:
        await _advance_open(session, assessment)
        await repository.add_respondents(session, principal.tenant_id, assessment.id, added)
        await writes.record_change(
            session,
            principal,
            action="update",
            object_type="assessment",
            object_id=assessment.id,
            before={"respondents": sorted(str(p) for p in before)},
            after={"respondents": sorted(str(p) for p in before | set(added))},
            event="assessment.respondents_added",
            data={"id": str(assessment.id), "person_ids": [str(p) for p in added]},
        )
        await session.commit()
    return await _respondent_page(
        await session.connection(),
        assessment_id,
        sort=repository.RESPONDENT_SORTS["added_at"],
        limit=len(data.person_ids),
        cursor=None,
    )


async def read_respondents(
    conn: AsyncConnection,
    principal: Principal,
    assessment_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> bytes:
    """`list_respondents`' answer as JSON."""
    if not await repository.assessment_exists(conn, principal.tenant_id, assessment_id):
        raise NotFound(f"No assessment {assessment_id}.")
    return await _respondent_page(conn, assessment_id, sort=sort, limit=limit, cursor=cursor)


async def _respondent_page(
    conn: AsyncConnection,
    assessment_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> bytes:
    """A `RespondentPage` of the assessment as JSON, each respondent with whether they have
    responded."""
    rows, next_cursor = await repository.respondent_rows(
        conn, assessment_id, sort=sort, limit=limit, cursor=cursor
    )
    return RESPONDENT_JSON.dumps_page(RESPONDENT_JSON.items(rows), next_cursor)


async def remove_respondent(
    session: AsyncSession, principal: Principal, assessment_id: uuid.UUID, person_id: uuid.UUID
) -> None:
    """Removes a respondent who has not responded (409 once they have: their answers count)."""
    assessment = await assessment_or_404(session, principal, assessment_id)
    _refuse_closed(assessment)
    respondent = found(
        await repository.get_respondent(session, assessment.id, person_id),
        f"{person_id} is not a respondent of assessment {assessment_id}.",
    )
    if await repository.get_response(session, assessment.id, person_id) is not None:
        raise Conflict(f"{person_id} has responded: their answers stay with the assessment.")
    await _advance_open(session, assessment)
    await repository.delete_respondent(session, respondent)
    await writes.record_change(
        session,
        principal,
        action="update",
        object_type="assessment",
        object_id=assessment.id,
        before={"removed_respondent": str(person_id)},
        after=None,
        event="assessment.respondent_removed",
        data={"id": str(assessment.id), "person_id": str(person_id)},
    )
    await session.commit()


# --- responses -----------------------------------------------------------------------------------


def _response_read(response: AssessmentResponse) -> ResponseRead:
    return ResponseRead(
        person_id=response.person_id,
        answers=dict(response.answers),
        process_answers={k: dict(v) for k, v in response.process_answers.items()},
        version=response.version,
        submitted_at=response.submitted_at,
    )


async def submit_response(
    session: AsyncSession,
    principal: Principal,
    assessment_id: uuid.UUID,
    person_id: uuid.UUID,
    data: ResponseSubmit,
    if_match: str | None,
) -> tuple[ResponseRead, bool]:
    """A respondent's answers, checked against the framework version, stored whole (replacing
    earlier ones; If-Match guards the replacement). Returns the response and whether it is
    new."""
    assessment = await assessment_or_404(session, principal, assessment_id)
    _refuse_closed(assessment)
    if await repository.get_respondent(session, assessment.id, person_id) is None:
        raise NotFound(f"{person_id} is not a respondent of assessment {assessment_id}.")
    framework = await framework_of(session, assessment)
    document = FrameworkDocument.model_validate(framework.document)
    process_keys = [str(p["key"]) for p in assessment.processes]
    ValidationFailed.raise_if_any(check_response(document, process_keys, data))
    existing = await repository.get_response(session, assessment.id, person_id)
    if existing is not None:
        check_if_match(if_match, existing.version)
        if existing.answers == data.answers and existing.process_answers == data.process_answers:
            return _response_read(existing), False
    before = _response_read(existing).model_dump(mode="json") if existing else None
    await _advance_open(session, assessment)
    if existing is None:
        existing = AssessmentResponse(
            assessment_id=assessment.id,
            person_id=person_id,
            tenant_id=principal.tenant_id,
            answers=data.answers,
            process_answers=data.process_answers,
            submitted_at=utcnow(),
        )
        repository.add(session, existing)
        created = True
    else:
        existing.answers = data.answers
        existing.process_answers = data.process_answers
        existing.submitted_at = utcnow()
        existing.version += 1
        created = False
    await session.flush()
    read = _response_read(existing)
    await writes.record_change(
        session,
        principal,
        action="create" if created else "update",
        object_type="assessment_response",
        object_id=assessment.id,
        before=before,
        after=read.model_dump(mode="json"),
        event="assessment.response_submitted",
        data={"id": str(assessment.id), "person_id": str(person_id)},
    )
    await session.commit()
    return read, created


async def read_response(
    conn: AsyncConnection, principal: Principal, assessment_id: uuid.UUID, person_id: uuid.UUID
) -> tuple[bytes, int]:
    """The person's response as `ResponseRead`'s JSON (its answers as stored), with its
    version (for the ETag)."""
    row = found(
        await repository.response_row(conn, principal.tenant_id, assessment_id, person_id),
        f"No assessment {assessment_id}.",
    )
    if row["version"] is None:
        raise NotFound(f"{person_id} has no response to assessment {assessment_id}.")
    return RESPONSE_JSON.dumps(RESPONSE_JSON.item(row)), int(row["version"])


async def read_responses(
    conn: AsyncConnection,
    principal: Principal,
    assessment_id: uuid.UUID,
    *,
    sort: SortOption,
    limit: int,
    cursor: str | None,
) -> bytes:
    """`list_responses`' answer as JSON."""
    if not await repository.assessment_exists(conn, principal.tenant_id, assessment_id):
        raise NotFound(f"No assessment {assessment_id}.")
    rows, next_cursor = await repository.response_rows(
        conn, assessment_id, sort=sort, limit=limit, cursor=cursor
    )
    return RESPONSE_JSON.dumps_page(RESPONSE_JSON.items(rows), next_cursor)


# --- closing -------------------------------------------------------------------------------------


async def close_assessment(
    session: AsyncSession, principal: Principal, assessment_id: uuid.UUID, if_match: str | None
) -> AssessmentRead:
    """Closes in one guarded UPDATE, so that closing wins over the responses coming in: those
    that got to the row first are in, those after are refused (409). With If-Match, only the
    version named is closed (412 otherwise)."""
    assessment = await assessment_or_404(session, principal, assessment_id)
    check_if_match(if_match, assessment.version)
    _refuse_closed(assessment)
    before = await read_one(session, assessment)
    closed = await repository.close_if_open(
        session,
        assessment.id,
        version=assessment.version if if_match is not None else None,
        closed=AssessmentStatus.closed.value,
    )
    if not closed:
        await session.rollback()
        session.expunge_all()
        now_read = await assessment_or_404(session, principal, assessment_id)
        _refuse_closed(now_read)
        check_if_match(if_match, now_read.version)
        raise Conflict(f"Assessment {assessment_id} changed while closing; retry.")
    await session.refresh(assessment)
    after = await read_one(session, assessment)
    await _record(session, principal, "update", after.id, before, after, "assessment.closed")
    await session.commit()
    return after


async def _record(
    session: AsyncSession,
    principal: Principal,
    action: Any,
    object_id: uuid.UUID,
    before: AssessmentRead | None,
    after: AssessmentRead,
    event: str,
) -> None:
    await writes.record_change(
        session,
        principal,
        action=action,
        object_type="assessment",
        object_id=object_id,
        before=before.model_dump(mode="json") if before else None,
        after=after.model_dump(mode="json"),
        event=event,
    )
