"""ITU's lists of members as data, and the secretariat's check of an organisation against them.

The lists come from ITU as a CSV (`category,key,name,country`): the secretariat previews
what an import changes, then applies it (one audit event), and may correct an entry. An
organisation counts as an ITU member (calls for ITU members, Board nominations) only once
the secretariat has linked it to an active entry: `Organisation.verified_membership`.
"""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries

from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused

from .models import ItuMember, ItuMembership, Organisation, User

REFERENCE = Path(__file__).parent / "reference"
MEMBER_STATES_CSV = REFERENCE / "itu_member_states.csv"
DEMO_CSV = REFERENCE / "itu_members_demo.csv"
COLUMNS = ("category", "key", "name", "country")
CATEGORIES = {c for c in ItuMembership.values if c != ItuMembership.NONE}


@dataclass
class ImportPreview:
    """What applying a CSV would change; `errors` (line, message) block the import."""

    added: list[dict] = field(default_factory=list)
    changed: list[tuple[ItuMember, dict]] = field(default_factory=list)
    removed: list[ItuMember] = field(default_factory=list)
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def _rows(text: str) -> tuple[list[dict], list[tuple[int, str]]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if not reader.fieldnames or set(COLUMNS) - {c.strip() for c in reader.fieldnames}:
        return [], [(1, _("The first line must name the columns: %s.") % ", ".join(COLUMNS))]
    rows, errors, seen = [], [], set()
    for line, raw in enumerate(reader, start=2):
        row = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        if row["category"] not in CATEGORIES:
            errors.append((line, _("Unknown category “%s”.") % row["category"]))
            continue
        if not row["key"] or not row["name"]:
            errors.append((line, _("Each line needs a reference and a name.")))
            continue
        row["country"] = row["country"].upper()
        if row["country"] and row["country"] not in countries:
            errors.append((line, _("Unknown country code “%s”.") % row["country"]))
            continue
        if (row["category"], row["key"]) in seen:
            errors.append((line, _("This reference is listed twice.")))
            continue
        seen.add((row["category"], row["key"]))
        rows.append({c: row[c] for c in COLUMNS})
    return rows, errors


def preview_import(text: str) -> ImportPreview:
    """Compare the CSV with the lists. A category present in the file is replaced by it:
    its entries missing from the file leave ITU's current list (kept, marked inactive,
    because organisations may point at them)."""
    rows, errors = _rows(text)
    preview = ImportPreview(errors=errors)
    if errors:
        return preview
    categories = {r["category"] for r in rows}
    existing = {(e.category, e.key): e for e in ItuMember.objects.filter(category__in=categories)}
    for row in rows:
        entry = existing.pop((row["category"], row["key"]), None)
        if entry is None:
            preview.added.append(row)
            continue
        changes = {
            name: row[name]
            for name in ("name", "country")
            if str(getattr(entry, name)) != row[name]
        }
        if not entry.active:
            changes["active"] = True
        if changes:
            preview.changed.append((entry, changes))
        else:
            preview.unchanged += 1
    preview.removed = [e for e in existing.values() if e.active]
    return preview


@transaction.atomic
def apply_import(*, text: str, actor: User | None, source: str = "") -> ImportPreview:
    if actor is not None:
        policy.require(actor, "accounts.organisations.staff")
    preview = preview_import(text)
    if preview.errors:
        raise TransitionRefused(_("The file has errors; nothing was imported."), "invalid_file")
    touched = [e.pk for e, _changes in preview.changed] + [e.pk for e in preview.removed]
    if touched:
        kernel.lock_rows(ItuMember.objects.filter(pk__in=touched))
    ItuMember.objects.bulk_create([ItuMember(**row) for row in preview.added])
    for entry, changes in preview.changed:
        ItuMember.objects.filter(pk=entry.pk).update(**changes, updated_at=timezone.now())
    ItuMember.objects.filter(pk__in=[e.pk for e in preview.removed]).update(
        active=False, updated_at=timezone.now()
    )
    kernel.record(
        None,
        actor=actor,
        verb="itu_list.imported",
        after={
            "source": source,
            "added": len(preview.added),
            "changed": len(preview.changed),
            "removed": len(preview.removed),
            "unchanged": preview.unchanged,
        },
    )
    return preview


def load_csv(path: Path, *, actor=None) -> ImportPreview:
    """For the data migration's list and the demo: import a file shipped with the code."""
    return apply_import(text=path.read_text(encoding="utf-8"), actor=actor, source=path.name)


@transaction.atomic
def entry_update(*, entry_id: int, actor: User, name: str, country: str, active: bool):
    policy.require(actor, "accounts.organisations.staff")
    entry = kernel.lock(ItuMember, entry_id)
    before = {"name": entry.name, "country": str(entry.country), "active": entry.active}
    after = {"name": name, "country": country, "active": active}
    return kernel.change(
        entry,
        actor=actor,
        verb="itu_entry.updated",
        fields=after,
        before=before,
        after=after,
        notify=False,
    )


# -- the check of an organisation ----------------------------------------------------------


@transaction.atomic
def request_check(*, organisation_id: int, actor: User) -> Organisation:
    """The organisation asks the secretariat to check its ITU membership."""
    organisation = kernel.lock(Organisation, organisation_id)
    return kernel.transition(organisation, "request_check", actor=actor)


def entry_problem(organisation: Organisation, entry: ItuMember | None) -> str | None:
    if entry is None:
        return _("Choose the organisation's entry in ITU's list.")
    if not entry.active:
        return _("%(entry)s is no longer on ITU's list.") % {"entry": entry.name}
    if entry.country and entry.country != organisation.country:
        return _("%(entry)s is in %(country)s; the organisation is in %(org_country)s.") % {
            "entry": entry.name,
            "country": entry.country.name,
            "org_country": organisation.country.name,
        }
    return None


@transaction.atomic
def verify(*, organisation_id: int, actor: User, entry_id: int | None) -> Organisation:
    entry = ItuMember.objects.filter(pk=entry_id).first() if entry_id else None
    organisation = kernel.lock(Organisation, organisation_id)
    kernel.check(organisation, "verify", actor)
    problem = entry_problem(organisation, entry)
    if problem:
        raise TransitionRefused(problem, "entry_mismatch")
    return kernel.transition(
        organisation,
        "verify",
        actor=actor,
        fields={
            "itu_entry": entry,
            "itu_membership": entry.category,
            "itu_verified_at": timezone.now(),
            "itu_verified_by": actor,
        },
        after={"status": "verified", "entry": f"{entry.category}:{entry.key}"},
    )


@transaction.atomic
def decline_check(*, organisation_id: int, actor: User, reason: str) -> Organisation:
    organisation = kernel.lock(Organisation, organisation_id)
    return kernel.transition(
        organisation,
        "decline_check",
        actor=actor,
        after={"status": "unverified", "reason": reason},
        context={"reason": reason},
    )


@transaction.atomic
def revoke_check(*, organisation_id: int, actor: User, reason: str) -> Organisation:
    organisation = kernel.lock(Organisation, organisation_id)
    return kernel.transition(
        organisation,
        "revoke_check",
        actor=actor,
        fields={"itu_entry": None, "itu_verified_at": None, "itu_verified_by": None},
        after={"status": "unverified", "reason": reason},
        context={"reason": reason},
    )


def entries_for(organisation: Organisation):
    """The entries the secretariat may link this organisation to: its country's, and the
    entries without a country."""
    from django.db.models import Q

    return ItuMember.objects.filter(active=True).filter(
        Q(country=organisation.country) | Q(country="")
    )
