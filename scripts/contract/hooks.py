"""Schemathesis hooks of the contract run (loaded through SCHEMATHESIS_HOOKS).

The server under test trusts 127.0.0.1 as its reverse proxy (`--trusted-proxy`), and
every request names a different client in `X-Forwarded-For`. The per-client guessing
limits are then never reached, so every operation is exercised rather than answered
`429`. (The limits themselves are tested in crates/server/tests/abuse.rs.)
"""

import itertools

import schemathesis

_counter = itertools.count(1)


@schemathesis.hook
def before_call(context, case, **kwargs):
    n = next(_counter)
    if case.headers is None:
        case.headers = {}
    case.headers["X-Forwarded-For"] = f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"
