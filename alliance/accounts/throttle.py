"""Sign-in throttling: growing delays per (account, address) pair and per address.

allauth's own limit for failed sign-ins counts per account across every address, so anyone
could lock the Director out by typing a wrong password five times; it answers 200 with a
form error and has fixed windows. django-axes keys on (username, address) but locks out
for a fixed cool-off and needs its own models and login glue. What we need is small:

- each (account, address) pair may fail `PAIR.free` times, then waits a delay that doubles
  with each further failure, up to `PAIR.max_delay`; a success forgets the pair's failures;
- each address may fail `ADDRESS.free` times over all accounts (password spraying), then
  waits the same way; an account that has signed in from that address before is not held
  back by the other accounts' failures there (only by its own pair's);
- failures are forgotten a day after the last one, so no delay is ever longer than
  `max_delay` and nothing is refused forever;
- counters live in the Django cache, shared by every worker and server with `REDIS_URL`;
- a refusal is a 429 with `Retry-After` (rendered by the caller).

Each attempt is counted before the password is checked (under a short cache lock), and
given back when it succeeds, so parallel guesses cannot all slip through one gap.
"""

import hashlib
import ipaddress
import logging
import math
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

FORGET_AFTER = 24 * 3600  # seconds without a failure after which a counter is dropped
KNOWN_FOR = 90 * 24 * 3600  # an account that signed in from an address is known there this long


@dataclass(frozen=True)
class Limit:
    scope: str
    free: int  # failures allowed before the first delay
    first_delay: int  # seconds, after the first failure beyond `free`; doubles after each
    max_delay: int

    def delay(self, failures: int) -> int:
        if failures < self.free:
            return 0
        return min(self.max_delay, self.first_delay * 2 ** (failures - self.free))


PAIR = Limit("pair", free=5, first_delay=30, max_delay=15 * 60)
ADDRESS = Limit("address", free=30, first_delay=30, max_delay=15 * 60)


def client_address(request) -> str:
    """The address the request came from. `X-Forwarded-For` is read only when
    `TRUSTED_PROXY_COUNT` proxies of ours are in front (each appends the address it saw,
    so the client is the entry that many places from the end: anything before it may be
    typed by the client). Without enough entries, the request did not come through our
    proxies and the socket's address is the client's."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def _address_key(address: str) -> str:
    """IPv6 clients get a whole /64 each, so they are counted per /64."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


@contextmanager
def _locked(keys: list[str]):
    """Short locks over the counters (always taken pair first), so that two workers do not
    both read the same count. A lock not had within a second is skipped: a lost count is
    better than a refused sign-in."""
    held = []
    try:
        for key in keys:
            deadline = time.monotonic() + 1
            while not cache.add(f"{key}:lock", 1, timeout=5):
                if time.monotonic() > deadline:
                    break
                time.sleep(0.01)
            else:
                held.append(f"{key}:lock")
        yield
    finally:
        cache.delete_many(held)


@dataclass
class Attempt:
    """One sign-in attempt, counted in advance as a failure in each of its counters."""

    pair_key: str
    known_key: str
    address_key: str | None  # None: the account is known at this address
    address_until: tuple[float, float] = (0.0, 0.0)  # (set by this attempt, before it)

    def succeeded(self) -> None:
        cache.delete(self.pair_key)
        cache.set(self.known_key, 1, KNOWN_FOR)
        if self.address_key is None:
            return
        # Give the attempt back, without wiping the address: someone signing in to their
        # own account between guesses must not reset a sprayer's count.
        with _locked([self.address_key]):
            state = cache.get(self.address_key)
            if state and state["failures"] > 0:
                state["failures"] -= 1
                if state["until"] == self.address_until[0]:
                    state["until"] = self.address_until[1]
                cache.set(self.address_key, state, FORGET_AFTER)


class Throttled(Exception):
    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after


def attempt(request, login: str) -> Attempt:
    """Count a sign-in attempt for `login` (the typed email) from this request's address,
    or raise `Throttled` with the seconds to wait. Call `succeeded()` on the result when
    the password was right."""
    address = _address_key(client_address(request))
    login = (login or "").strip().lower()
    result = Attempt(
        pair_key=f"login-throttle:pair:{_digest(login, address)}",
        known_key=f"login-throttle:known:{_digest(login, address)}",
        address_key=f"login-throttle:address:{_digest(address)}",
    )
    if cache.get(result.known_key):
        result.address_key = None
    limits = [(PAIR, result.pair_key)]
    if result.address_key:
        limits.append((ADDRESS, result.address_key))
    now = time.time()
    with _locked([key for _limit, key in limits]):
        states = {key: cache.get(key) or {"failures": 0, "until": 0.0} for _l, key in limits}
        wait = max(state["until"] - now for state in states.values())
        if wait > 0:
            raise Throttled(math.ceil(wait))
        for limit, key in limits:
            state = states[key]
            before = state["until"]
            state["failures"] += 1
            delay = limit.delay(state["failures"])
            if delay:
                state["until"] = now + delay
            cache.set(key, state, FORGET_AFTER + delay)
            if key == result.address_key:
                result.address_until = (state["until"], before)
                if delay:
                    logger.warning(
                        "sign-ins from %s held back %ss after %s failures",
                        address,
                        delay,
                        state["failures"],
                    )
    return result
