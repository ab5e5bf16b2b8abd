"""mops gateway service."""
