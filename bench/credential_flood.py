"""A flood of wrong Pipedrive credentials against everyone else's latency.

Others' requests are `GET /v1/webhooks/connections` through the gateway (served by the
webhooks service, which checks the credentials), measured two ways:

- paced: an open-loop client sends `--rate` requests a second, whatever the answers do, and
  takes each latency from when the request was due (no coordinated omission). This is the
  target: with 8 senders of wrong credentials, p99 within 1.5x of the quiet one.
- saturating: wrk with 8 connections, as fast as answered: the machine's whole CPU is shared
  between these requests and the flood's, so this shows what share the flood takes.

The flood: `--senders` connections (wrk and a script) posting deliveries with a new wrong HTTP
Basic password each time, as fast as answered. For comparison, the same measures under a
control flood of the cheapest refusal there is (`GET` without an API key: 401 at the gateway).
Each figure is the median of `--rounds` rounds, the three conditions interleaved.

Starts the gateway and the webhooks service (uvicorn, one worker each) on fresh PostgreSQL
databases. Writes bench/results/credential_flood.json.

    .venv/bin/python bench/credential_flood.py [--seconds 10] [--senders 8] [--rate 200]
        [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp
import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import results_path, wrk
from bench.stack import DEFAULT_POSTGRES, gateway_key, services

BODY = json.dumps({"meta": {"id": "e1", "action": "create", "entity": "deal"}}).encode()


async def pipedrive_path(gateway: str, key: str) -> str:
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as client:
        created = await client.post(
            "/v1/webhooks/connections",
            json={"provider": "pipedrive", "name": "bench", "username": "u", "password": "right"},
            headers={"authorization": f"Bearer {key}"},
        )
        assert created.status_code == 201, created.text
        path: str = created.json()["receive_path"]
        return path


# The senders: wrk running this script, a new wrong password on every request, counting the
# answers by status. wrk rather than a Python client: on this machine's two cores, a client in
# Python spent as much CPU sending the flood as the services spent refusing it.
FLOOD_LUA = r"""
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function base64(text)
  return ((text:gsub(".", function(c)
    local bits, byte = "", c:byte()
    for i = 8, 1, -1 do bits = bits .. (byte %% 2 ^ i - byte %% 2 ^ (i - 1) > 0 and "1" or "0") end
    return bits
  end) .. "0000"):gsub("%%d%%d%%d?%%d?%%d?%%d?", function(bits)
    if #bits < 6 then return "" end
    local value = 0
    for i = 1, 6 do value = value + (bits:sub(i, i) == "1" and 2 ^ (6 - i) or 0) end
    return alphabet:sub(value + 1, value + 1)
  end) .. ({"", "==", "="})[#text %% 3 + 1])
end
local n = 0
statuses = {}  -- global: done() reads each thread's with thread:get
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function request()
  n = n + 1
  return wrk.format("POST", nil, {
    ["Authorization"] = "Basic " .. base64("u:wrong-" .. n),
    ["Content-Type"] = "application/json",
  }, '%(body)s')
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      io.write(string.format("status %%d %%d\n", status, count))
    end
  end
end
"""


def flood(url: str, senders: int, seconds: int) -> dict[str, int]:
    """Answers by status of `senders` connections posting wrong credentials for `seconds`."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(FLOOD_LUA % {"body": BODY.decode()})
        script.flush()
        out = subprocess.run(
            ["wrk", "-t1", f"-c{senders}", f"-d{seconds}s", "-s", script.name, url],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return {
        status: int(count)
        for status, count in sorted(re.findall(r"^status (\d+) (\d+)$", out, re.MULTILINE))
    }


async def paced(url: str, headers: dict[str, str], rate: int, seconds: int) -> dict[str, float]:
    """p50 and p99 (ms) of `rate` GETs a second for `seconds`, each timed from when it was due,
    and how many answered other than 200."""
    loop = asyncio.get_running_loop()
    latencies: list[float] = []
    failed = 0

    async def one(client: aiohttp.ClientSession, due: float) -> None:
        nonlocal failed
        async with client.get(url, headers=headers) as response:
            await response.read()
            failed += response.status != 200
        latencies.append(loop.time() - due)

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=256)) as client:
        start = loop.time()
        requests = []
        for n in range(rate * seconds):
            due = start + n / rate
            if (delay := due - loop.time()) > 0:
                await asyncio.sleep(delay)
            requests.append(asyncio.create_task(one(client, due)))
        await asyncio.gather(*requests)
    ordered = sorted(latencies)
    return {
        "rate": rate,
        "p50_ms": round(ordered[len(ordered) // 2] * 1000, 2),
        "p99_ms": round(ordered[int(len(ordered) * 0.99)] * 1000, 2),
        "errors": float(failed),
    }


def control_flood(url: str, senders: int, seconds: int) -> dict[str, int]:
    """`senders` connections of GETs without an API key for `seconds`: their answers."""
    out = wrk(url, {}, senders, seconds)
    return {"401": int(out["errors"])}


def under(
    flood_of: Callable[[], dict[str, int]] | None,
    read_url: str,
    headers: dict[str, str],
    rate: int,
    seconds: int,
) -> dict[str, Any]:
    """Both measures of the reads, with `flood_of` running meanwhile (when given)."""
    answers: dict[str, int] = {}
    flooding = threading.Thread(target=lambda: answers.update(flood_of() if flood_of else {}))
    flooding.start()
    time.sleep(1)  # the flood under way before the measures start
    measured = {
        "paced": asyncio.run(paced(read_url, headers, rate, seconds)),
        "saturating": wrk(read_url, headers, 8, seconds),
    }
    flooding.join()
    return {**measured, "flood_answers": answers}


def measure(
    gateway: str, gateway_db: str, seconds: int, senders: int, rate: int, rounds: int
) -> dict[str, Any]:
    """Each condition measured once per round, the rounds interleaved (quiet, wrong
    credentials, control, quiet, ...) so that the machine's noise falls on all three; each
    figure is the median of its rounds."""
    key, _ = asyncio.run(gateway_key(gateway_db, ["webhooks:admin"], unlimited=True))
    receive_url = gateway + asyncio.run(pipedrive_path(gateway, key))
    read_url = gateway + "/v1/webhooks/connections"
    headers = {"authorization": f"Bearer {key}"}
    wrk(read_url, headers, 8, 2)  # warm: statements prepared, pools filled
    flood_seconds = 2 * seconds + 3  # covers both measures
    floods: dict[str, Callable[[], dict[str, int]] | None] = {
        "quiet": None,
        "wrong_credentials": lambda: flood(receive_url, senders, flood_seconds),
        "control": lambda: control_flood(read_url, senders, flood_seconds),
    }
    runs: dict[str, list[dict[str, Any]]] = {label: [] for label in floods}
    for _ in range(rounds):
        for label, flood_of in floods.items():
            runs[label].append(under(flood_of, read_url, headers, rate, seconds))
    results: dict[str, Any] = {"seconds": seconds, "senders": senders, "rounds": runs}
    for label, measured in runs.items():
        results[label] = {
            way: {
                figure: statistics.median(run[way][figure] for run in measured)
                for figure in measured[0][way]
            }
            for way in ("paced", "saturating")
        }
        results[label]["flood_answers"] = measured[-1]["flood_answers"]
    for label in ("wrong_credentials", "control"):
        results[label]["p99_ratio"] = {
            way: round(results[label][way]["p99_ms"] / results["quiet"][way]["p99_ms"], 2)
            for way in ("paced", "saturating")
        }
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--postgres", default=DEFAULT_POSTGRES)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--senders", type=int, default=8)
    parser.add_argument("--rate", type=int, default=200, help="paced GETs a second")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with services(args.postgres, ("gateway", "webhooks")) as stack:
        results = measure(
            stack.base_urls["gateway"],
            stack.database_urls["gateway"],
            args.seconds,
            args.senders,
            args.rate,
            args.rounds,
        )
    results_path("credential_flood.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"GET /v1/webhooks/connections through the gateway; floods of {args.senders} senders")
    print("| meanwhile | paced p50 ms | paced p99 ms | saturating req/s | saturating p99 ms |")
    print("|---|---|---|---|---|")
    for label in ("quiet", "wrong_credentials", "control"):
        paced_figures, saturating = results[label]["paced"], results[label]["saturating"]
        print(
            f"| {label} | {paced_figures['p50_ms']} | {paced_figures['p99_ms']} | "
            f"{saturating['rps']} | {saturating['p99_ms']} |"
        )
    for label in ("wrong_credentials", "control"):
        print(
            f"{label}: answers {results[label]['flood_answers']}, p99 ratios "
            f"{results[label]['p99_ratio']} (target: paced <= 1.5 for wrong_credentials)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
