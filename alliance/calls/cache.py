"""What the public pages of calls show (alliance.core.cache): the lists show every public
call, a call's page and its results show that call. Any kernel write of a call (published,
closed, cancelled, results published...) refreshes the lists and its own pages at once."""

from alliance.core.cache import depends_on

CALL_LISTS = "calls"


def call_key(pk) -> str:
    return f"calls.Call:{pk}"


def call_pages(request, pk, **_kwargs) -> list[str]:
    return [call_key(pk)]


depends_on("calls.Call", lambda event: [CALL_LISTS, call_key(event.pk)])
