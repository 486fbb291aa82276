from django.contrib.contenttypes.models import ContentType

from alliance.core.models import AuditEvent


def history_for(obj):
    """The audit events of one object, oldest first: the history the organisation sees."""
    return (
        AuditEvent.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .select_related("actor")
        .order_by("at", "id")
    )
