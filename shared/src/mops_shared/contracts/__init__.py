"""What mops services exchange over HTTP: the shapes both sides of a call must agree on.

A module belongs here when another service (or the gateway, or a client of the API as a whole)
sends or receives it: the wire models a typed client in `contracts.clients` sends or returns,
the event envelopes and event types, the problem document and its types, pagination's page,
money and currencies, and the field types (`common`) those models are made of. A model only
one service reads or writes lives beside its domain, in `mops_<service>/<domain>/schemas.py`.
Contracts import nothing of the kit (import contracts check it), so they can be read without the
app frame or a database; only the typed clients use its principal signing and errors.
"""
