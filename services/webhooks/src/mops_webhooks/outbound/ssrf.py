"""Server-side request forgery guard for subscription URLs.

A subscription URL is chosen by a tenant, and this service posts to it from inside our network:
without this guard a tenant could make it post to the cloud metadata service, a database's
HTTP port, or anything else only reachable from here. A URL is refused when it is not plain
http(s), carries credentials, or when its host resolves to any address that is not public
(all addresses are checked: a name with one public and one private address is refused).

The check runs at registration and again before every send, because DNS answers change. For
`http://` targets the send then goes to the very address that was checked (`pinned`), so a
name that re-resolves to a private address between the check and the connection (DNS
rebinding) gets nowhere. `https://` targets are sent by name: the certificate must be valid for
that name, which an internal service reached by rebinding cannot present, so the request is
never written.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass, field

import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

RESOLVE_TIMEOUT_SECONDS = 5.0
PRIVATE_ADDRESS = "private address"

_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, RFC 6598
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # addresses that embed an IPv4 one, RFC 6052


class TargetRefused(Exception):
    """The URL may not be a webhook target. `reason` is short and fixed (for the attempt log);
    `detail` says which part of the URL and why (for the API's 422)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class TargetUnresolvable(Exception):
    """The URL's host name did not resolve (now): a network failure, not a refusal."""


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address a packet to this IPv6 address really goes to, if it embeds one."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address.sixtofour is not None:
        return address.sixtofour
    return None


def refusal_of(address: IPAddress) -> str | None:
    """What kind of non-public address this is (`loopback`, `private`, ...), None if public."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return refusal_of(embedded)
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if isinstance(address, ipaddress.IPv4Address) and address in _SHARED:
        return "shared (carrier-grade NAT)"
    if address.is_private:
        return "private"
    if address.is_reserved:
        return "reserved"
    if not address.is_global:
        return "non-global"
    return None


def parse_target(url: str) -> httpx.URL:
    """The URL, if its form may be a target: http(s), a host, no user or password in it."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        raise TargetRefused("invalid URL", "not a valid URL") from None
    if parsed.scheme not in ("http", "https"):
        raise TargetRefused("not http(s)", "only http:// and https:// URLs can be subscribed")
    if parsed.userinfo:
        raise TargetRefused(
            "credentials in URL",
            "a URL may not carry a user or password: the payload is signed instead",
        )
    if not parsed.host:
        raise TargetRefused("no host", "the URL names no host")
    return parsed


async def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address the host resolves to (an IP literal is its own and needs no lookup)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(RESOLVE_TIMEOUT_SECONDS):
            infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, TimeoutError, UnicodeError) as exc:
        raise TargetUnresolvable(f"{host} does not resolve: {exc}") from None
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _name, sockaddr in infos:
        # An IPv6 sockaddr may carry a zone ("fe80::1%eth0"): the zone is not part of the address.
        found = ipaddress.ip_address(str(sockaddr[0]).partition("%")[0])
        if found not in addresses:
            addresses.append(found)
    if not addresses:
        raise TargetUnresolvable(f"{host} does not resolve")
    return addresses


@dataclass(frozen=True)
class Target:
    """Where to send: the URL (its host replaced by the checked address for http) and the
    headers that keep the request addressed to the subscriber's host name."""

    url: httpx.URL
    headers: dict[str, str] = field(default_factory=dict)


def pinned(url: httpx.URL, address: IPAddress) -> Target:
    """The request for `url`, connecting to `address`: for http, the URL names the address and
    the Host header the name; https keeps the name (see the module's docstring)."""
    if url.scheme != "http":
        return Target(url)
    if url.host == str(address):
        return Target(url)
    return Target(url.copy_with(host=str(address)), {"host": url.netloc.decode("ascii")})


async def vet(url: str, *, allow_private: bool) -> Target:
    """The target of `url`, or TargetRefused / TargetUnresolvable. With `allow_private`
    (tests, local development) only the URL's form is checked and nothing is resolved."""
    parsed = parse_target(url)
    if allow_private:
        return Target(parsed)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    addresses = await resolve(parsed.host, port)
    for address in addresses:
        kind = refusal_of(address)
        if kind is not None:
            raise TargetRefused(
                PRIVATE_ADDRESS,
                f"{parsed.host} is a {kind} address ({address}): webhooks are only sent to "
                "public addresses"
                if parsed.host == str(address)
                else f"{parsed.host} resolves to a {kind} address ({address}): webhooks are "
                "only sent to public addresses",
            )
    return pinned(parsed, addresses[0])
