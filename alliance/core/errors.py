"""Error pages with the site's layout and a way forward (400, 403, 404, 500, CSRF).

Django's defaults are bare pages without navigation. These render `errors/page.html`
through `base.html`, so the person keeps the header, the language switcher and links
home. The 500 page is rendered defensively: if the layout itself fails (the database is
down, a context processor raises), a plain page is sent instead of a second error.
"""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import requires_csrf_token

PAGES = {
    400: (
        _("The request could not be read"),
        _(
            "Something in what was sent could not be handled, for example a file name far "
            "too long. Go back, change it and try again."
        ),
    ),
    403: (
        _("You cannot open this page"),
        _(
            "Your account does not give access to this page. If you think it should, ask "
            "your organisation's focal point or the secretariat."
        ),
    ),
    404: (
        _("Page not found"),
        _(
            "If you typed the address, check it is correct. If you followed a link, the "
            "page may have moved or you may not have access to it."
        ),
    ),
    500: (
        _("Sorry, there is a problem with the service"),
        _("Try again later. What you saved before is kept. The team has been told."),
    ),
}

CSRF_PAGE = (
    _("Your form could not be sent"),
    _(
        "The page was open for too long or cookies are blocked. Go back, reload the page "
        "and send the form again."
    ),
)


def _api(request):
    return request.path.startswith("/api/")


def _page(request, status, title, body):
    if _api(request):
        return JsonResponse({"code": str(status), "detail": str(title)}, status=status)
    referer = request.META.get("HTTP_REFERER", "")
    back = (
        referer if _same_site(request, referer) and referer != request.build_absolute_uri() else ""
    )
    context = {"status": status, "title": title, "body": body, "back": back}
    return render(request, "errors/page.html", context, status=status)


def _same_site(request, url):
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@requires_csrf_token
def bad_request(request, exception=None):
    return _page(request, 400, *PAGES[400])


@requires_csrf_token
def permission_denied(request, exception=None):
    return _page(request, 403, *PAGES[403])


@requires_csrf_token
def page_not_found(request, exception=None):
    return _page(request, 404, *PAGES[404])


@requires_csrf_token
def server_error(request):
    title, body = PAGES[500]
    if _api(request):
        return JsonResponse({"code": "500", "detail": str(title)}, status=500)
    try:
        return _page(request, 500, title, body)
    except Exception:  # the layout needs the database; never answer an error with an error
        html = loader.get_template("errors/plain500.html").render({"title": title, "body": body})
        return HttpResponse(html, status=500)


def csrf_failure(request, reason=""):
    return _page(request, 403, *CSRF_PAGE)
