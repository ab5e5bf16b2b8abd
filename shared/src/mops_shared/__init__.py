"""The shared package of mops: imported by every service (first, from each service's package),
runs nothing but the guard below.

`contracts`: what services exchange over HTTP. `kit`: what services are built on.
"""

import sys

# httpx imports its command-line client (rich, pygments and click: ~100 modules; 4.1 MiB of
# the org service after import) whenever those are installed, as the development tools
# install them; no service runs it. Marked absent, httpx defines a stub instead, as where
# they are not installed.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
