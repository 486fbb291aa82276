"""Walks every URL pattern (GET only) and every API operation as every persona, and
records each answer in a few words that do not depend on database ids: "200",
"302 login", "302 calls:detail", "403", "404", "405"..."""

import logging
import re
from dataclasses import dataclass
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

from django.db import connection, transaction
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from .objects import MISSING_ID, Ref
from .page_targets import GET_REFUSED, SKIPPED_NAMESPACES, SKIPPED_PREFIXES, TARGETS

# Who is asked about an object that does not exist (the answer must not differ from a
# real object's where the persona may not see it; no one may get a 5xx).
# A write to a table other than these during a GET is reported (sessions and token use
# are bookkeeping, not state).
BOOKKEEPING = {"django_session", "accounts_apitoken"}
WRITE = re.compile(r'\s*(?:INSERT INTO|UPDATE|DELETE FROM)\s+("?\w+"?)', re.IGNORECASE)

MISSING_PERSONAS = ("anonymous", "stranger", "secretariat")


@dataclass
class Pattern:
    name: str  # namespaced URL name, e.g. "calls:application_detail"
    template: str  # the route, e.g. "en/calls/applications/<int:pk>/"
    params: list[str]
    int_params: set[str]


@dataclass
class Row:
    """One line of the matrix: a URL (or API operation) with its parameters filled in."""

    name: str
    template: str
    kwargs: dict
    missing: bool = False  # the ids point at nothing

    @property
    def refs(self) -> list[str]:
        return [v.key for v in self.kwargs.values() if isinstance(v, Ref)]


def url_patterns() -> list[Pattern]:
    """Every URL pattern of the project, in resolver order."""
    found = []

    def walk(resolver, prefix, namespace, converters):
        for entry in resolver.url_patterns:
            here = {**converters, **getattr(entry.pattern, "converters", {})}
            if isinstance(entry, URLResolver):
                inner = namespace
                if entry.namespace:
                    inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry, prefix + str(entry.pattern), inner, here)
            elif isinstance(entry, URLPattern):
                name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
                params = list(entry.pattern.regex.groupindex)
                ints = {p for p in params if type(here.get(p)).__name__ == "IntConverter"}
                found.append(Pattern(name or "", prefix + str(entry.pattern), params, ints))

    walk(get_resolver(), "", "", {})
    return found


def skip_reason(pattern: Pattern) -> str | None:
    namespace = pattern.name.split(":", 1)[0] if ":" in pattern.name else ""
    if namespace in SKIPPED_NAMESPACES or pattern.template.startswith("en/admin/"):
        return SKIPPED_NAMESPACES["admin"]
    for prefix, reason in SKIPPED_PREFIXES.items():
        if pattern.name.startswith(prefix):
            return reason
    return None


def case_label(kwargs: dict) -> str:
    parts = []
    for key, value in kwargs.items():
        if isinstance(value, Ref):
            parts.append(value.key)
        elif value == MISSING_ID:
            parts.append(f"{key}=missing")
        else:
            parts.append(f"{key}={value}")
    return ", ".join(parts)


def with_missing(kwargs: dict, int_params) -> dict:
    return {k: MISSING_ID if k in int_params else v for k, v in kwargs.items()}


def page_rows(patterns, is_api) -> tuple[dict[str, Row], list[str]]:
    """{row key: Row} for every page, and the patterns that still need a TARGETS entry."""
    rows, unmapped = {}, []
    for pattern in patterns:
        if skip_reason(pattern) or is_api(pattern):
            continue
        if not pattern.name:
            unmapped.append(f"{pattern.template} (give it a URL name)")
            continue
        cases = [{}] if not pattern.params else TARGETS.get(pattern.name)
        if not cases:
            unmapped.append(f"{pattern.name}  {pattern.template}")
            continue
        for case in cases:
            key = f"{pattern.name} [{case_label(case)}]" if case else pattern.name
            rows[key] = Row(pattern.name, pattern.template, case)
        if pattern.int_params and pattern.name not in GET_REFUSED:
            absent = with_missing(cases[0], pattern.int_params)
            rows[f"{pattern.name} [{case_label(absent)}]"] = Row(
                pattern.name, pattern.template, absent, missing=True
            )
    return rows, unmapped


def resolve_kwargs(kwargs: dict) -> dict:
    return {k: v.resolve() if isinstance(v, Ref) else v for k, v in kwargs.items()}


def page_path(row: Row) -> str:
    return page_path_in(row, "en")


def page_path_in(row: Row, language: str) -> str:
    with translation.override(language):
        return reverse(row.name, kwargs=resolve_kwargs(row.kwargs))


# --- asking ---------------------------------------------------------------------------


class Persona:
    """A test client that starts every request with the cookies it had after signing in,
    so that a message or a stash one page leaves in the session cannot reach the next."""

    def __init__(self, user=None, token=None):
        self.client = Client(raise_request_exception=False)
        self.cookies, self.token = {}, token
        if token is None:
            if user is not None:
                self.client.force_login(user)
            self.cookies = {name: morsel.value for name, morsel in self.client.cookies.items()}
            # A browser carries the CSRF cookie the first page gave it.
            self.ask("get", "/en/")
            self.cookies = {
                name: morsel.value
                for name, morsel in self.client.cookies.items()
                if name != "messages" and morsel.value
            }

    def ask(self, method: str, path: str, **extra):
        """One request whose every database write is rolled back, even a GET's."""
        self.client.cookies = SimpleCookie()
        for name, value in self.cookies.items():
            self.client.cookies[name] = value
        self.writes = set()
        with transaction.atomic(), connection.execute_wrapper(self._watch):
            response = getattr(self.client, method)(path, **extra)
            # Reading a streamed file to its end closes it; the test client closed the rest
            # (closing again would fire request_finished, which closes the connection).
            content = b"".join(response) if response.streaming else response.content
            transaction.set_rollback(True)
        return response, content

    def _watch(self, execute, sql, params, many, context):
        match = WRITE.match(sql)
        if match:
            self.writes.add(match.group(1).strip('"`'))
        return execute(sql, params, many, context)


def outcome(response) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        return f"{status} {_where(response['Location'])}"
    return str(status)


def _where(location: str) -> str:
    parts = urlsplit(location)
    if parts.netloc and parts.netloc != "testserver":
        return f"offsite {parts.netloc}"
    try:
        match = resolve(parts.path)
    except Resolver404:
        return f"unresolved {parts.path}"
    return "login" if match.view_name == "account_login" else match.view_name


def walk_pages(rows: dict[str, Row], personas: dict[str, Persona], writes: dict) -> dict:
    """{row key: {persona: answer}}; GETs that wrote something land in `writes`."""
    observed = {}
    quiet = logging.getLogger("django.request")
    level, quiet.level = quiet.level, logging.ERROR  # 403s and 404s are expected here
    try:
        for key, row in rows.items():
            path = page_path(row)
            asked = MISSING_PERSONAS if row.missing else personas
            observed[key] = {}
            for p in asked:
                observed[key][p] = outcome(personas[p].ask("get", path)[0])
                if personas[p].writes - BOOKKEEPING:
                    writes.setdefault(key, {})[p] = sorted(personas[p].writes - BOOKKEEPING)
    finally:
        quiet.level = level
    return observed
