"""Which host names the preview answers to: its guard against DNS rebinding.

A web page from another site can have its own name answer with 127.0.0.1 and then read
whatever is served there as its own, drafts included; the browser names the site it meant in
the Host header, so a preview listening on a loopback address answers only to names that
cannot be another site's, as Vite and webpack-dev-server do. Listening on any other address
(--host 0.0.0.0, to try the site on a phone) opens the preview to the network anyway, under
whatever name the network gives the machine, so then any name is answered.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

#: A Host header: a name, or an IPv6 address in brackets, and any port.
HOST = re.compile(r"(?:\[(?P<address>[^\]]+)\]|(?P<name>[^:\[\]]+))(?::[0-9]*)?")


def loopback_only(addresses: Iterable[str]) -> bool:
    """Whether every address listened on is this computer's alone (127.x, ::1)."""
    try:
        return all(ipaddress.ip_address(address).is_loopback for address in addresses)
    except ValueError:
        return False


def allowed(host: str, bound: str) -> bool:
    """Whether a Host header (a name and any port) is localhost, a name under .localhost,
    which browsers never ask DNS about, a loopback address, or the host listened on."""
    parts = HOST.fullmatch(host)
    if parts is None:
        return False
    name = (parts["address"] or parts["name"]).lower().rstrip(".")
    if not name:
        return False
    if name in ("localhost", bound.lower().rstrip(".")) or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def refusal(host: str, bound: str, url: str) -> bytes:
    """The answer to a request made under another name: which name, and what to do instead."""
    named = "" if allowed(f"[{bound}]" if ":" in bound else bound, "") else f", {bound}"
    return (
        f"glossary serve refused the host {host!r}: listening on this computer only, it answers "
        f"only to localhost{named} and loopback addresses, so that no other web site can read the "
        f"preview (DNS rebinding). Open {url} instead, or serve with --host 0.0.0.0 to answer "
        "any host (the preview is then open to your network).\n"
    ).encode("utf-8", "backslashreplace")
