"""Every string a person reads is marked for translation: visible template text sits inside
{% translate %} or {% blocktranslate %}, and Python's user-visible strings go through
gettext."""

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

APPS = Path(settings.BASE_DIR, "alliance")
TEMPLATES = sorted(
    p for p in APPS.glob("*/templates/**/*") if p.suffix in {".html", ".txt", ".ics", ".svg"}
)
# Proper names and symbols that read the same in every language.
ALLOWED = {
    "Alliance Hub",
    "ITU",
    "BDT",
    "ITU-D",
    "UTC",
    "PDF",
    "CSV",
    "XLSX",
    "JSON",
    "API",
    "TOTP",
    "iCal",
    "ORCID",
    "DOI",
    "SHA-256",
    "JWT",
    "URL",
    "DNS",
    "HTTPS",
}
ATTRIBUTES = {"alt", "title", "aria-label", "placeholder", "aria-description"}
NO_TEXT = re.compile(r"^[\W\d_]*$", re.UNICODE)  # punctuation, numbers, symbols only
ENTITY = re.compile(r"&#?\w+;")


class VisibleText(HTMLParser):
    """Collects text nodes and readable attributes, skipping scripts, styles and any
    element marked lang="en" (an English proper name or untranslated content)."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found, self.skip = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        void = tag in {"br", "img", "input", "meta", "link", "hr", "source", "col", "wbr"}
        if not void:
            skipping = tag in {"script", "style", "code", "kbd", "samp", "pre"}
            self.skip.append(skipping or attrs.get("lang") == "en")
        if not any(self.skip):
            self.found += [v for k, v in attrs.items() if k in ATTRIBUTES and v]

    def handle_endtag(self, tag):
        if self.skip:
            self.skip.pop()

    def handle_data(self, data):
        if not any(self.skip):
            self.found.append(data)


def readable(text: str) -> bool:
    text = ENTITY.sub(" ", text).strip()
    for name in ALLOWED:
        text = text.replace(name, " ")
    return not NO_TEXT.match(text)


def unmarked_text(source: str, plain: bool) -> list[str]:
    """The text of the template outside translation tags, template tags replaced by a
    placeholder so that "{{ n }} items" still counts as text."""
    depth, comment, chunks = 0, False, []
    for token in Lexer(source).tokenize():
        content = token.contents.split()
        word = content[0] if content else ""
        if token.token_type == TokenType.BLOCK:
            if word == "comment":
                comment = True
            elif word == "endcomment":
                comment = False
            elif word in {"blocktranslate", "blocktrans"}:
                depth += 1
            elif word in {"endblocktranslate", "endblocktrans"}:
                depth -= 1
            chunks.append(" ")  # a tag can sit inside an element's start tag
        elif token.token_type == TokenType.VAR:
            so_far = "".join(chunks)
            # Inside a start tag (`<p{{ text|lang_attrs }}>`) a variable is attributes.
            chunks.append(" " if so_far.rfind("<") > so_far.rfind(">") else "\x00")
        elif token.token_type == TokenType.TEXT and not depth and not comment:
            chunks.append(token.contents)
    text = "".join(chunks)
    if plain:
        pieces = text.split("\n")
    else:
        parser = VisibleText()
        parser.feed(text)
        pieces = parser.found
    return [" ".join(p.split()) for p in pieces if readable(p.replace("\x00", " "))]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(APPS)))
def test_template_text_is_marked_for_translation(path):
    source = path.read_text(encoding="utf-8")
    found = unmarked_text(source, plain=path.suffix != ".html" and path.suffix != ".svg")
    assert not found, f"{path.relative_to(APPS)}: not marked for translation: {found[:5]}"


def test_the_template_check_finds_unmarked_text():
    assert unmarked_text("<p>Hello</p>", plain=False) == ["Hello"]
    assert unmarked_text('<img alt="A map">', plain=False) == ["A map"]
    assert unmarked_text("<p>{% translate 'Hello' %} – {{ n }}</p>", plain=False) == []
    assert unmarked_text('<p lang="en">Kigali</p><p>ITU</p>', plain=False) == []
    assert unmarked_text("{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}", False) == []


# Python: literals where a person reads them.
MESSAGE_CALLS = {"success", "error", "warning", "info", "debug", "add_message"}
LABEL_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label"}
ERROR_CALLS = {"ValidationError", "TransitionRefused", "PermissionRefused", "PermissionDenied"}
PY_FILES = sorted(
    p
    for p in APPS.rglob("*.py")
    if "tests" not in p.parts and "migrations" not in p.parts and "seeding" not in p.parts
)


def _literal(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and readable(node.value)


def _name(func) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def unmarked_python(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        is_messages = (
            name in MESSAGE_CALLS
            and isinstance(node.func, ast.Attribute)
            and _name(node.func.value) == "messages"
        )
        if is_messages and len(node.args) >= 2 and _literal(node.args[-1]):
            found.append(f"{node.lineno}: messages.{name}({node.args[-1].value!r})")
        if name in ERROR_CALLS and node.args and _literal(node.args[0]):
            found.append(f"{node.lineno}: {name}({node.args[0].value!r})")
        for keyword in node.keywords:
            if keyword.arg in LABEL_KEYWORDS and _literal(keyword.value):
                found.append(f"{node.lineno}: {keyword.arg}={keyword.value.value!r}")
            if keyword.arg == "choices" and isinstance(keyword.value, ast.List | ast.Tuple):
                for choice in keyword.value.elts:
                    pair = isinstance(choice, ast.Tuple) and len(choice.elts) == 2
                    if pair and _literal(choice.elts[1]):
                        found.append(f"{node.lineno}: choice {choice.elts[1].value!r}")
        # A verbose name given first: models.CharField("name", ...) (not a relation's model).
        relation = name in {"ForeignKey", "OneToOneField", "ManyToManyField"}
        if name.endswith("Field") and not relation and node.args and _literal(node.args[0]):
            found.append(f"{node.lineno}: {name}({node.args[0].value!r})")
    return found


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: str(p.relative_to(APPS)))
def test_python_strings_people_read_are_marked_for_translation(path):
    found = unmarked_python(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(APPS)}: not marked for translation: {found[:5]}"


def test_the_python_check_finds_unmarked_strings():
    source = """
messages.success(request, "Saved.")
messages.error(request, _("Marked."))
raise ValidationError("Wrong date.")
name = forms.CharField(label="Name", help_text=_("ok"))
kind = forms.ChoiceField(choices=[("a", "Apple"), ("b", _("Banana"))])
"""
    found = unmarked_python(source)
    assert [f.split(": ", 1)[1] for f in found] == [
        "messages.success('Saved.')",
        "ValidationError('Wrong date.')",
        "label='Name'",
        "choice 'Apple'",
    ]
