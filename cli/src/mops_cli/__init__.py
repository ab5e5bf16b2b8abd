"""The `mops` command and the local supervisor of `mops run`: they start, migrate and administer
the services, so they depend on them and no service depends on this package."""
