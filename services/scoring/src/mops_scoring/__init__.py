"""mops scoring service."""
