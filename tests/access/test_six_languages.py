"""The crawl in six languages (issue 11): every page a persona can open, public and signed
in, answers in each language with the right `lang` and `dir`, no 5xx, and no sentence of
our own interface left in English (content without a translation is marked lang="en" and
skipped; proper names are content, not interface).

Walks the same demo world as the access matrix, for the pages the golden matrix says each
persona may open (200), as HTML pages only."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import time_machine
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

from alliance.core import kernel

from . import api_walk, golden, walk, world

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PERSONAS = ["anonymous", "secretariat", "director", "lab", "reviewer", "board", "macra_focal"]
FILES = re.compile(r"\.(pdf|csv|json|ics|svg|jwt|xlsx|txt)$|/(export|download)")
RTL = {"ar"}


# Sentences that are also content in the demo world: names of ITU bodies typed by people
# (a partner, a milestone's place), a note stored when it was written, a criterion title
# shown as a form label. The crawl cannot tell them from interface text, so they are left out.
CONTENT = {
    "Digital Transformation Lab",
    "Digital Innovation Board",
    "Network of Acceleration Centres",
    "Human and financial resources",
    "Evaluated through partner recognition.",
}


def interface_sentences() -> set[str]:
    """English sentences of our catalogs: long enough to be a sentence, no placeholder."""
    found = set()
    for po in ROOT.glob("alliance/*/locale/fr/LC_MESSAGES/django.po"):
        for message in read_po(po.open("rb")):
            text = message.id if isinstance(message.id, str) else None
            if text and len(text) >= 24 and " " in text and not re.search(r"[%{<]", text):
                found.add(text)
    return found - CONTENT


class Visible(HTMLParser):
    """The text of <main> outside elements marked lang="en" (untranslated content)."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area"}

    def __init__(self):
        super().__init__()
        self.stack, self.parts = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        outer = self.stack[-1] if self.stack else (False, False)
        in_main = outer[0] or tag == "main"
        english = outer[1] or attrs.get("lang") == "en" or tag in ("code", "script", "style")
        self.stack.append((in_main, english))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] and not self.stack[-1][1]:
            self.parts.append(data)

    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


@pytest.fixture(scope="module")
def crawl(django_db_setup, django_db_blocker, tmp_path_factory):
    expected = golden.load()["pages"]
    sentences = interface_sentences()
    patterns = walk.url_patterns()
    api_paths = {path for _method, path, _op in api_walk.operations()}
    rows, _unmapped = walk.page_rows(
        patterns, lambda p: api_walk.schema_path(p.template) in api_paths
    )
    problems, pages = [], 0
    old_media, settings.MEDIA_ROOT = settings.MEDIA_ROOT, tmp_path_factory.mktemp("media")
    try:
        with time_machine.travel(world.FROZEN_AT, tick=False), django_db_blocker.unblock():
            cache.clear()
            with transaction.atomic(), kernel.separate_lock_orders():
                _reference_data()  # a transactional test may have flushed it (xdist)
                world.build()
                from alliance.accounts.models import User

                users = {p: User.objects.get(email=world.PERSONAS[p]) for p in PERSONAS[1:]}
                people = {p: walk.Persona(user=users.get(p)) for p in PERSONAS}
                for key, row in rows.items():
                    if row.missing:
                        continue
                    english_path = walk.page_path(row)
                    if FILES.search(english_path) or not english_path.startswith("/en/"):
                        continue  # files, and the API's own docs page (not per language)
                    for persona in PERSONAS:
                        if expected.get(key, {}).get(persona) != "200":
                            continue
                        for code, _name in settings.LANGUAGES:
                            with translation.override(code):
                                path = walk.page_path_in(row, code)
                            response, content = people[persona].ask("get", path)
                            pages += 1
                            where = f"{path} as {persona}"
                            if response.status_code >= 500:
                                problems.append(f"{where}: {response.status_code}")
                                continue
                            if "text/html" not in response.get("Content-Type", ""):
                                continue
                            html = content.decode()
                            tag = re.search(r"<html[^>]*>", html)
                            want = f'lang="{code}" dir="{"rtl" if code in RTL else "ltr"}"'
                            if not tag or want not in tag.group(0):
                                problems.append(f"{where}: {tag.group(0) if tag else 'no <html>'}")
                            if code == "en":
                                continue
                            parser = Visible()
                            parser.feed(html)
                            text = parser.text()
                            leaked = [s for s in sentences if s in text]
                            if leaked:
                                problems.append(f"{where}: English {leaked[:3]}")
                transaction.set_rollback(True)
            cache.clear()
    finally:
        settings.MEDIA_ROOT = old_media
    return pages, problems


def test_every_page_in_every_language_has_its_lang_and_dir_and_no_english(crawl):
    pages, problems = crawl
    assert pages > 1000  # the crawl really walked the platform
    # One line per page and finding, whatever the language and persona.
    distinct = sorted({re.sub(r"^/[a-z-]+/|as \w+", "", p) for p in problems})
    assert not problems, f"{len(problems)} of {pages} pages:\n" + "\n".join(distinct[:60])


def _reference_data():
    """The rows the data migrations made, again: on a pytest-xdist worker a transactional
    test of another file may have run (and flushed them) before this module (ADR 0024)."""
    from alliance.accounts.roles import ensure_groups
    from alliance.core.reference.load import load_reference_data
    from conftest import REFERENCE_HOOKS

    load_reference_data()
    ensure_groups()
    for hook in REFERENCE_HOOKS:
        hook()
