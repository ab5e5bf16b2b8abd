# mops: `make run` starts the whole system locally, `make demo` (in a second terminal) loads the
# sample company into it, `make test` runs the test suite.
# Both install what they need first: uv (with pip, if it is missing) and the locked dependencies.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
PYTEST_ARGS ?=

# Sets $UV to a working uv command, installing uv with pip (--user) when there is none.
define use_uv
if command -v uv >/dev/null 2>&1; then UV=uv; \
else \
  if ! $(PYTHON) -m uv --version >/dev/null 2>&1; then \
    echo "uv is missing: installing it with pip (--user)"; \
    $(PYTHON) -m pip install --user --quiet uv \
      || $(PYTHON) -m pip install --user --quiet --break-system-packages uv; \
  fi; \
  UV="$(PYTHON) -m uv"; \
fi
endef

.PHONY: help
help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

.PHONY: install
install: ## Install uv if missing, then the locked dependencies into .venv
	@$(use_uv); $$UV sync --locked

.PHONY: run
run: ## Migrate, then run the gateway and the four services on loopback until Ctrl-C
	@$(use_uv); $$UV sync --locked; exec $$UV run --no-sync mops run

.PHONY: demo
demo: ## Load and score the sample company in the system `make run` started
	@$(use_uv); $$UV sync --locked; exec $$UV run --no-sync mops demo

.PHONY: test
test: ## Run the test suite on SQLite, and again on PostgreSQL when MOPS_TEST_POSTGRES_URL is set
	@$(use_uv); $$UV sync --locked; \
	echo "== tests on SQLite =="; \
	$$UV run --no-sync pytest $(PYTEST_ARGS); \
	if [ -n "$${MOPS_TEST_POSTGRES_URL:-}" ]; then \
	  echo "== tests on PostgreSQL =="; \
	  MOPS_TEST_DATABASE=postgres $$UV run --no-sync pytest $(PYTEST_ARGS); \
	else \
	  echo "(MOPS_TEST_POSTGRES_URL is not set: PostgreSQL run skipped)"; \
	fi

.PHONY: lint
lint: ## ruff check, ruff format --check and the import contracts
	@$(use_uv); $$UV sync --locked; \
	$$UV run --no-sync ruff check .; \
	$$UV run --no-sync ruff format --check .; \
	$$UV run --no-sync lint-imports

.PHONY: typecheck
typecheck: ## mypy --strict over every package
	@$(use_uv); $$UV sync --locked; \
	$$UV run --no-sync mypy shared/src services/gateway/src services/inventory/src \
	  services/org/src services/scoring/src services/webhooks/src sdk/python/src cli/src

.PHONY: format
format: ## Format the code and apply ruff's safe fixes
	@$(use_uv); $$UV sync --locked; \
	$$UV run --no-sync ruff format .; \
	$$UV run --no-sync ruff check --fix .

.PHONY: ci
ci: ## Everything CI runs (lint, types, tests on both databases, end-to-end smoke)
	bash .ci/run
