"""Outbound delivery's pure parts: the retry schedule, Retry-After, what an answer leads to,
signatures, and which targets the SSRF guard refuses (IP literals and `localhost` only: no
lookup here leaves the machine)."""

from __future__ import annotations

import ipaddress
import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from mops_webhooks.outbound import ssrf
from mops_webhooks.outbound.jobs import (
    MAX_ATTEMPTS,
    RETRY_AFTER_CAP_SECONDS,
    RETRY_SCHEDULE,
    Sent,
    next_delay,
    outcome_of,
    payload_of,
    retry_after_seconds,
    signature_header,
)
from mops_webhooks.outbound.service import event_type_matches

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


class FixedRandom(random.Random):
    """`random()` always gives the same value: the extremes of the jitter."""

    def __init__(self, value: float) -> None:
        super().__init__()
        self.value = value

    def random(self) -> float:
        return self.value


# --- the schedule -----------------------------------------------------------------------------


def test_the_schedule_grows_and_spans_about_three_days() -> None:
    assert list(RETRY_SCHEDULE) == sorted(RETRY_SCHEDULE)
    assert RETRY_SCHEDULE[0] == 5
    days = sum(RETRY_SCHEDULE) / 86400
    assert 3.5 < days < 4  # with equal jitter: 1.9 to 3.8 days, 2.9 on average
    assert MAX_ATTEMPTS == len(RETRY_SCHEDULE) + 1


@pytest.mark.parametrize("attempt", range(1, len(RETRY_SCHEDULE) + 1))
def test_each_delay_is_between_half_and_all_of_its_scheduled_wait(attempt: int) -> None:
    base = RETRY_SCHEDULE[attempt - 1]
    assert next_delay(attempt, FixedRandom(0.0)) == base / 2
    assert next_delay(attempt, FixedRandom(0.999999)) == pytest.approx(base, rel=1e-5)
    rng = random.Random(attempt)
    delays = [next_delay(attempt, rng) for _ in range(200)]
    assert all(d is not None and base / 2 <= d <= base for d in delays)
    assert len(set(delays)) > 100  # jittered, not constant


def test_no_delay_is_left_after_the_last_attempt() -> None:
    assert next_delay(len(RETRY_SCHEDULE), FixedRandom(0.5)) is not None
    assert next_delay(len(RETRY_SCHEDULE) + 1, FixedRandom(0.5)) is None
    with pytest.raises(ValueError, match="from 1"):
        next_delay(0, FixedRandom(0.5))


def test_the_same_seed_gives_the_same_delays() -> None:
    first = [next_delay(n, random.Random(7)) for n in range(1, MAX_ATTEMPTS)]
    assert first == [next_delay(n, random.Random(7)) for n in range(1, MAX_ATTEMPTS)]


# --- Retry-After ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 7 ", 7.0),
        ("0", 0.0),
        (format_datetime(NOW + timedelta(minutes=10), usegmt=True), 600.0),
        ("Sat, 28 Nov 2026 13:00:00 GMT", 3600.0),
        (format_datetime(NOW - timedelta(hours=1), usegmt=True), 0.0),
        (None, None),
        ("", None),
        ("-5", None),
        ("1.5", None),
        ("soon", None),
        ("٣", None),  # a non-ASCII digit
    ],
)
def test_retry_after_is_read_as_seconds_or_an_http_date(
    header: str | None, seconds: float | None
) -> None:
    assert retry_after_seconds(header, NOW) == seconds


# --- outcomes ---------------------------------------------------------------------------------


def sent(code: int | None, retry_after: str | None = None) -> Sent:
    return Sent(NOW, code, 12, None if code else "ConnectError", None, retry_after)


@pytest.mark.parametrize("code", [200, 201, 204, 299])
def test_a_2xx_is_delivered(code: int) -> None:
    assert outcome_of(1, sent(code), FixedRandom(0.5)) == ("delivered", None)


def test_a_410_disables_even_on_the_last_attempt() -> None:
    assert outcome_of(1, sent(410), FixedRandom(0.5)) == ("disabled", None)
    assert outcome_of(MAX_ATTEMPTS, sent(410), FixedRandom(0.5)) == ("disabled", None)


@pytest.mark.parametrize("code", [301, 302, 307, 308, 400, 401, 404, 500, 503, None])
def test_other_answers_fail_and_follow_the_schedule(code: int | None) -> None:
    status, due = outcome_of(3, sent(code), FixedRandom(0.0))
    assert (status, due) == ("failed", NOW + timedelta(seconds=RETRY_SCHEDULE[2] / 2))


@pytest.mark.parametrize("code", [429, 500, 503])
def test_a_later_retry_after_is_honoured_on_429_and_5xx(code: int) -> None:
    assert outcome_of(1, sent(code, "600"), FixedRandom(0.0)) == (
        "failed",
        NOW + timedelta(seconds=600),
    )
    # An earlier one does not bring the schedule forward.
    assert outcome_of(5, sent(code, "1"), FixedRandom(0.0)) == (
        "failed",
        NOW + timedelta(seconds=RETRY_SCHEDULE[4] / 2),
    )
    assert outcome_of(1, sent(code, str(10**9)), FixedRandom(0.0)) == (
        "failed",
        NOW + timedelta(seconds=RETRY_AFTER_CAP_SECONDS),
    )


def test_retry_after_is_ignored_on_other_4xx() -> None:
    assert outcome_of(1, sent(400, "600"), FixedRandom(0.0)) == (
        "failed",
        NOW + timedelta(seconds=2.5),
    )


def test_a_failure_on_the_last_attempt_is_dead() -> None:
    assert outcome_of(MAX_ATTEMPTS - 1, sent(500), FixedRandom(1.0))[0] == "failed"
    assert outcome_of(MAX_ATTEMPTS, sent(500, "5"), FixedRandom(1.0)) == ("dead", None)
    assert outcome_of(MAX_ATTEMPTS, sent(None), FixedRandom(1.0)) == ("dead", None)


# --- payload and signatures -------------------------------------------------------------------


def test_the_payload_carries_type_timestamp_and_data() -> None:
    body = payload_of("tool.created", NOW, {"name": "Marketo"})
    assert body == (
        b'{"type":"tool.created","timestamp":"2026-11-28T12:00:00Z","data":{"name":"Marketo"}}'
    )


def test_both_secrets_sign_and_the_library_accepts_either() -> None:
    old = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    new = "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD"
    now = datetime.now(UTC)
    body = payload_of("tool.created", NOW, {})
    header = signature_header([new, old], "msg_1", int(now.timestamp()), body)
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(int(now.timestamp()))}
    assert header.count("v1,") == 2
    for secret in (new, old):
        Webhook(secret).verify(body, {**headers, "webhook-signature": header})
    assert header.split(" ")[0] == Webhook(new).sign("msg_1", now, body.decode())


def test_event_types_match_exactly_by_family_or_all() -> None:
    assert event_type_matches(["tool.created"], "tool.created")
    assert event_type_matches(["tool.*"], "tool.retired")
    assert event_type_matches(["*"], "unit.created")
    assert event_type_matches(["unit.*", "tool.retired"], "tool.retired")
    assert not event_type_matches(["tool.*"], "tools.created")
    assert not event_type_matches(["tool.*"], "tool")
    assert not event_type_matches(["tool.create"], "tool.created")
    assert not event_type_matches([], "tool.created")


# --- the SSRF guard ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.0.1", "private"),
        ("172.31.255.254", "private"),
        ("192.168.1.1", "private"),
        ("fc00::1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "link-local"),
        ("169.254.0.1", "link-local"),
        ("fe80::1", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("239.255.255.250", "multicast"),
        ("ff02::1", "multicast"),
        ("100.64.0.1", "shared (carrier-grade NAT)"),
        ("100.127.255.254", "shared (carrier-grade NAT)"),
        ("240.0.0.1", "private"),
        ("255.255.255.255", "private"),
        ("192.0.2.10", "private"),  # documentation
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.1.2.3", "private"),
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a9fe:a9fe", "link-local"),  # NAT64 of 169.254.169.254
        ("2002:7f00:1::1", "loopback"),  # 6to4 of 127.0.0.1
    ],
)
def test_non_public_addresses_are_refused(address: str, kind: str) -> None:
    assert ssrf.refusal_of(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "8.8.8.8", "100.128.0.1", "172.32.0.1", "2606:4700::1111"]
)
def test_public_addresses_pass(address: str) -> None:
    assert ssrf.refusal_of(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://93.184.215.14/x", "not http(s)"),
        ("file:///etc/passwd", "not http(s)"),
        ("gopher://93.184.215.14/", "not http(s)"),
        ("http://user:pw@93.184.215.14/", "credentials in URL"),
        ("http://user@93.184.215.14/", "credentials in URL"),
        ("http:///path-only", "no host"),
    ],
)
@pytest.mark.parametrize("allow_private", [False, True])
@pytest.mark.asyncio
async def test_urls_of_the_wrong_form_are_refused_whatever_the_setting(
    url: str, reason: str, allow_private: bool
) -> None:
    with pytest.raises(ssrf.TargetRefused) as refused:
        await ssrf.vet(url, allow_private=allow_private)
    assert refused.value.reason == reason


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",
        "http://10.0.0.1/",
        "https://169.254.169.254/latest/meta-data/",
        "http://[::1]:9000/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://100.64.1.1/",
        "http://localhost:8080/",  # resolved from the hosts file, not DNS
    ],
)
@pytest.mark.asyncio
async def test_private_targets_are_refused_unless_allowed(url: str) -> None:
    with pytest.raises(ssrf.TargetRefused) as refused:
        await ssrf.vet(url, allow_private=False)
    assert refused.value.reason == ssrf.PRIVATE_ADDRESS
    assert "public addresses" in refused.value.detail
    allowed = await ssrf.vet(url, allow_private=True)
    assert allowed == ssrf.Target(httpx.URL(url))


@pytest.mark.asyncio
async def test_a_public_ip_literal_is_sent_to_as_it_is() -> None:
    target = await ssrf.vet("https://93.184.215.14:8443/hook?x=1", allow_private=False)
    assert target == ssrf.Target(httpx.URL("https://93.184.215.14:8443/hook?x=1"))


def test_http_targets_are_pinned_to_the_checked_address() -> None:
    url = httpx.URL("http://hooks.example.com:8080/in?x=1")
    target = ssrf.pinned(url, ipaddress.ip_address("93.184.215.14"))
    assert str(target.url) == "http://93.184.215.14:8080/in?x=1"
    assert target.headers == {"host": "hooks.example.com:8080"}
    six = ssrf.pinned(httpx.URL("http://hooks.example.com/"), ipaddress.ip_address("2606::1"))
    assert (str(six.url), six.headers) == ("http://[2606::1]/", {"host": "hooks.example.com"})


def test_https_targets_keep_their_name_for_the_certificate_check() -> None:
    url = httpx.URL("https://hooks.example.com/in")
    assert ssrf.pinned(url, ipaddress.ip_address("93.184.215.14")) == ssrf.Target(url)
