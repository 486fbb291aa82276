from django.db.models import QuerySet

from .models import AuditEvent


def audit_events(filters: dict) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor", "content_type")
    if filters.get("actor"):
        events = events.filter(actor__email__icontains=filters["actor"])
    if filters.get("object_type"):
        events = events.filter(content_type=filters["object_type"])
    if filters.get("verb"):
        events = events.filter(verb__startswith=filters["verb"])
    if filters.get("since"):
        events = events.filter(at__date__gte=filters["since"])
    if filters.get("until"):
        events = events.filter(at__date__lte=filters["until"])
    return events.order_by("-at", "-id")
