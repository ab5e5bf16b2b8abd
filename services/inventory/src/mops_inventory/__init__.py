"""mops inventory service."""
