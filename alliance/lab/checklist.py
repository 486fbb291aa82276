"""The evidence of the design step "Cooperation agreement signed": a signed (or active)
agreement of the Lab with the centre (alliance.centres.checklist)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.centres.checklist import Evidence, provides
from alliance.centres.states import ChecklistItem

from .models import CooperationAgreement
from .states import AgreementStatus


@provides(
    ChecklistItem.COOPERATION_AGREEMENT,
    missing=_("No signed cooperation agreement with the Lab yet."),
)
def signed_agreements(centre) -> list[Evidence]:
    rows = CooperationAgreement.objects.filter(
        centre=centre, status__in=[AgreementStatus.SIGNED, AgreementStatus.ACTIVE]
    ).order_by("signed_at", "id")
    return [
        Evidence(agreement.title, reverse("lab:agreement_detail", kwargs={"pk": agreement.pk}))
        for agreement in rows
    ]
