"""The inventory's reports: `router.py` holds every report route, each report has one module
(its figures and the aggregate queries behind them), `repository.py` the query pieces several
reports share and `schemas.py` their wire models."""
