"""What every mops service is built on, and no other service needs to understand.

A module belongs here when it runs inside a service rather than describing what crosses
between services: the app frame (`app`), settings, observability, the database and its
writes, audit, idempotency, ETags, the outbox and its relay, the loop service all background
work runs on (`loop`), readiness and migrations, the principal a service verifies (`auth`), the
error handlers that render problems, and the HTTP conventions every route keeps. The kit may
import the contracts (a problem, a page, an event envelope); the contracts never import the kit.
"""
