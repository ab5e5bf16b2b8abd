"""nginx as a plain reverse proxy in front of one upstream, for the gateway-hop comparison:
one worker process (like the one uvicorn worker of each mops service), keep-alive to the
upstream, no buffering to disk, no logging.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CONFIG = """
daemon off;
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {root}/body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    upstream service {{
        server {upstream};
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://service;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
        }}
    }}
}}
"""


@contextmanager
def reverse_proxy(upstream: str, port: int) -> Iterator[subprocess.Popen[bytes]]:
    """nginx listening on 127.0.0.1:`port`, forwarding to `upstream` (host:port)."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    root = Path(tempfile.mkdtemp(prefix="mops-bench-nginx-"))
    (root / "nginx.conf").write_text(CONFIG.format(root=root, upstream=upstream, port=port))
    proc = subprocess.Popen([binary, "-p", str(root), "-c", str(root / "nginx.conf")])
    try:
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)
