"""The design checklist, checked against the data each step names.

A step with an evidence provider is done when, and only when, its data exists: a signed
cooperation agreement (the Lab's), indicators with baselines (monitoring's), a flagship
initiative (here). Those apps sit above centres in the layers, so they register their
provider when the app registry is ready (`provides`), and centres never imports them. A
step without a provider (resources confirmed) is confirmed by hand, by the Lab, with a note:
the note and who confirmed are its evidence."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .states import ChecklistItem, InitiativeStatus


@dataclass(frozen=True)
class Evidence:
    label: str
    url: str = ""


@dataclass
class Step:
    """One step as a page shows it: done or not, why, and whether a person ticks it."""

    item: str
    label: str
    row: object  # DesignChecklistItem
    by_hand: bool
    evidence: list[Evidence] = field(default_factory=list)
    missing: str = ""  # what would make it done

    @property
    def done(self) -> bool:
        return bool(self.evidence) if not self.by_hand else self.row.done


Provider = Callable[[object], list[Evidence]]
_PROVIDERS: dict[str, tuple[Provider, object]] = {}


def provides(item: str, *, missing) -> Callable[[Provider], Provider]:
    """Register the evidence of a step: `fn(centre) -> [Evidence]`, and what to say while
    there is none."""

    def register(fn: Provider) -> Provider:
        _PROVIDERS[item] = (fn, missing)
        return fn

    return register


def decided_by_data(item: str) -> bool:
    return item in _PROVIDERS


def steps(centre) -> list[Step]:
    """The centre's checklist, each step with its evidence (one query per step)."""
    rows = list(centre.checklist.select_related("done_by"))
    result = []
    for row in rows:
        provider = _PROVIDERS.get(row.item)
        step = Step(row.item, row.get_item_display(), row, by_hand=provider is None)
        if provider is None:
            if row.done:
                step.evidence = [Evidence(row.note or _("Confirmed by the Lab."))]
            step.missing = _("The Lab confirms them, saying what it checked.")
        else:
            step.evidence = provider[0](centre)
            step.missing = str(provider[1])
        result.append(step)
    return result


def missing_steps(centre) -> list[Step]:
    return [step for step in steps(centre) if not step.done]


@provides(ChecklistItem.FLAGSHIPS, missing=gettext_lazy("No flagship initiative is defined yet."))
def _initiatives(centre) -> list[Evidence]:
    rows = centre.initiatives.exclude(status=InitiativeStatus.CANCELLED).order_by("id")
    return [
        Evidence(str(i.title), reverse("centres:initiative_edit", kwargs={"pk": i.pk}))
        for i in rows
    ]
