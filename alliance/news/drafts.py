"""Draft announcements the platform proposes after an event (the kernel's `committed`
signal): a call opens, a call's results are published, a centre is accredited for the first
time, a pilot is designated. Staff then edit and publish them. Each event proposes once
(`proposed_by` is unique), so a repeated signal or a re-accreditation adds nothing."""

import logging

from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from alliance.core.kernel import Event

from .models import Category

logger = logging.getLogger(__name__)


def _in_every_language(make) -> dict[str, str]:
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts[code] = make(code)
    return texts


def _call_opened(call):
    def title(lang):
        return _("Call for applications open: %(call)s") % {"call": call.title.text(lang)}

    def body(lang):
        return _(
            "The call “%(call)s” is open for applications until %(deadline)s.\n\n"
            "[Read the call and apply](%(url)s)"
        ) % {
            "call": call.title.text(lang),
            "deadline": call.closes_at.date().isoformat(),
            "url": reverse("calls:detail", args=[call.pk]),
        }

    return {"category": Category.CALLS, "call": call}, title, body


def _results(call):
    def title(lang):
        return _("Results published: %(call)s") % {"call": call.title.text(lang)}

    def body(lang):
        return _(
            "The results of the call “%(call)s” are published.\n\n[See the results](%(url)s)"
        ) % {"call": call.title.text(lang), "url": reverse("calls:results", args=[call.pk])}

    return {"category": Category.RESULTS, "call": call}, title, body


def _centre(centre):
    def title(lang):
        return _("New acceleration centre: %(centre)s") % {"centre": centre.name}

    def body(lang):
        return _(
            "%(centre)s (%(country)s) is now an accredited acceleration centre of the "
            "Alliance.\n\n[See the centre in the registry](%(url)s)"
        ) % {
            "centre": centre.name,
            "country": centre.country.name,
            "url": reverse("centres:detail", args=[centre.pk]),
        }

    extra = {"category": Category.CENTRES, "centre": centre, "country": centre.country}
    return extra, title, body


def _pilot(pilot):
    def subject():
        return str(pilot.centre.name) if pilot.centre_id else pilot.country.name

    def title(lang):
        return _("Pilot of the Alliance: %(pilot)s") % {"pilot": subject()}

    def body(lang):
        return _(
            "The BDT Director has designated %(pilot)s as a pilot of the Innovation and "
            "Entrepreneurship Alliance for Digital Development.\n\n%(rationale)s"
        ) % {"pilot": subject(), "rationale": pilot.rationale.text(lang)}

    extra = {
        "category": Category.CENTRES,
        "country": pilot.country,
        "centre": pilot.centre,
        "pilot": pilot,
    }
    return extra, title, body


# verb -> (model label, how to build the draft)
PROPOSALS = {
    "call.published": ("calls.Call", _call_opened),
    "call.results_published": ("calls.Call", _results),
    "centre.accredited": ("centres.Centre", _centre),
    "pilot.designated": ("news.Pilot", _pilot),
}


def _key(event: Event) -> str:
    # A centre is proposed once, however many times it is accredited again.
    return f"{event.verb}:{event.pk}"


def propose_draft(sender, event: Event, **kwargs) -> None:
    proposal = PROPOSALS.get(event.verb)
    if proposal is None or proposal[0] != event.model:
        return
    from .services import announcement_create

    obj = apps.get_model(event.model)._default_manager.filter(pk=event.pk).first()
    if obj is None:
        return
    extra, title, body = proposal[1](obj)
    try:
        with transaction.atomic():
            announcement_create(
                actor=None,
                proposed_by=_key(event),
                title=_in_every_language(title),
                body=_in_every_language(body),
                **extra,
            )
    except IntegrityError:
        pass  # proposed already
    except Exception:
        # The change is committed; a draft that cannot be made must not answer 500.
        if getattr(settings, "KERNEL_STRICT", False):
            raise
        logger.exception("draft announcement for %s failed", _key(event))
