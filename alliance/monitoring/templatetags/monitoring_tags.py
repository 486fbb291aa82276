from django import template
from django.utils import timezone

from alliance.centres.permissions import managed_centres
from alliance.core.policy import can

from ..models import CentreReport
from ..states import EDITABLE_STATES, ReportStatus

register = template.Library()


@register.simple_tag(takes_context=True)
def monitoring_dashboard(context):
    user = context["request"].user
    if can(user, "monitoring.staff"):
        return {
            "staff": True,
            "to_review": CentreReport.objects.filter(status=ReportStatus.SUBMITTED).count(),
            "late": CentreReport.objects.filter(
                status__in=EDITABLE_STATES, due_date__lt=timezone.localdate()
            ).count(),
        }
    centres = list(managed_centres(user)[:10])
    if not centres:
        return {"staff": False, "centres": []}
    return {
        "staff": False,
        "centres": centres,
        "open": CentreReport.objects.filter(
            centre__in=[c.pk for c in centres], status__in=EDITABLE_STATES
        ).count(),
    }


@register.simple_tag(name="centre_monitoring_summary")
def centre_monitoring_summary_tag(centre):
    """For the renewal evaluation page:
    `{% include "monitoring/partials/renewal_summary.html" with centre=... %}`."""
    from ..selectors import centre_monitoring_summary

    return centre_monitoring_summary(centre)
