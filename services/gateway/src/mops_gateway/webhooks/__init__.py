"""Inbound CRM webhooks: per-provider signature verification and payload parsing."""
