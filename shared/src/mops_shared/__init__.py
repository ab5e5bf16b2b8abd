"""The shared package of mops: imported by every service (first, from each service's package),
runs nothing but the guard below.

`contracts`: what services exchange over HTTP. `kit`: what services are built on.
"""

import sys

# httpx imports its command-line client (click, rich, pygments: ~100 modules, 6.6 MiB of
# every process) whenever those are installed, as the development tools install them; no
# service runs it. Marked absent, httpx defines a stub instead, as where they are not installed.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
