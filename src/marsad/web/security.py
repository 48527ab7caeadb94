"""Tokens, request limits, the Content-Security-Policy, and the SSRF guard for submitted URLs."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlparse

from marsad.errors import MarsadError

MAX_BODY_BYTES = 2_000_000
MAX_PAGE = 500
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:{tiles}; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def content_security_policy(tiles: str | None) -> str:
    """The page's CSP; an online tile server, when configured, may serve images too."""
    if not tiles:
        return CSP.format(tiles="")
    parsed = urlparse(tiles.replace("{s}", "a"))
    host = parsed.netloc.replace("a.", "*.", 1) if "{s}" in tiles else parsed.netloc
    return CSP.format(tiles=f" {parsed.scheme}://{host}")


class UnsafeURL(MarsadError):
    """A submitted URL that points inside the server's own network."""


def check_fetchable(url: str, allow_private: bool) -> None:
    """Refuse URLs that resolve to loopback, private, link-local or reserved addresses (SSRF)."""
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UnsafeURL(f"{url}: only http(s) URLs with a host can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parsed.hostname, parsed.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise UnsafeURL(f"{url}: the host does not resolve ({exc})") from exc
    for info in infos:
        addr = ipaddress.ip_address(info[4][0])
        if addr.is_private or addr.is_loopback or addr.is_link_local or addr.is_reserved or addr.is_multicast \
                or addr.is_unspecified:
            raise UnsafeURL(f"{url}: resolves to {addr}, inside this network — not fetched "
                            "(start the server with --allow-private-urls to allow it)")
