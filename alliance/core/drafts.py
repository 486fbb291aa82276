"""Drafts of forms that have no draft state of their own (issue 15).

A Lab request is created when it is sent, and a renewal self-report is one field of the
evaluation, set when submitted: neither has a "draft" row to save into. Their pages keep
what was typed here instead, per person and page (FormDraft), saved by the form's "Save
draft" button without JavaScript or by autosave.js with it, offered back when the page
is opened again (after signing in again too) and discarded once the form is sent.
"""

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect, QueryDict
from django.utils.translation import gettext as _

from .keep_typed import SKIP, page_key, without_language

SAVE_BUTTON = "save_draft"
# Bigger posts are not kept: a draft is text typed by a person.
MAX_FIELDS = 200


def _key(request, step: str, path: str = "") -> str:
    return (without_language(path) if path else page_key(request)) + (f"#{step}" if step else "")


def is_draft_post(request) -> bool:
    """The post only saves a draft: the "Save draft" button or autosave.js."""
    return request.method == "POST" and (
        SAVE_BUTTON in request.POST or bool(request.headers.get("X-Autosave"))
    )


def save_draft(request, *, step: str = "") -> HttpResponse:
    """Keep what was posted and answer: 204 to autosave, back to the page for the button."""
    from .models import FormDraft

    data = {
        key: request.POST.getlist(key)
        for key in list(request.POST)[:MAX_FIELDS]
        if key not in SKIP and key != SAVE_BUTTON
    }
    FormDraft.objects.update_or_create(
        user=request.user, key=_key(request, step), defaults={"data": data}
    )
    if request.headers.get("X-Autosave"):
        return HttpResponse(status=204)
    messages.success(
        request,
        _("Your draft is saved. It waits for you here, even if you are signed out."),
    )
    return HttpResponseRedirect(request.get_full_path(), status=303)


def draft_initial(request, form, *, step: str = "") -> bool:
    """Put the person's saved draft into the unbound `form` (as initial values, so no
    error shows before they send it). True if there was one."""
    from .models import FormDraft

    if not request.user.is_authenticated or form.is_bound:
        return False
    row = FormDraft.objects.filter(user=request.user, key=_key(request, step)).first()
    if row is None:
        return False
    data = QueryDict(mutable=True)
    for key, values in row.data.items():
        data.setlist(key, values)
    for name, field in form.fields.items():
        html_name = form.add_prefix(name)
        if html_name not in data:
            continue
        multiple = getattr(field.widget, "allow_multiple_selected", False)
        form.initial[name] = data.getlist(html_name) if multiple else data.get(html_name)
    return True


def draft_notice(request, restored: bool) -> None:
    if restored:
        messages.info(request, _("Your saved draft is filled in below: check it and send it."))


def discard_draft(request, *, step: str = "", path: str = "") -> None:
    """Forget the draft once the form is sent (`path`: the form's page, when sent from
    another page such as "check your answers")."""
    from .models import FormDraft

    FormDraft.objects.filter(user=request.user, key=_key(request, step, path)).delete()
