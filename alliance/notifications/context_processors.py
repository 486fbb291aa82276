def inbox(request):
    """`unread_notifications` for the header of every page: a column of the user row that
    the request has read anyway (the notifications app keeps it current), so no query."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": user.unread_notifications}
