from django import forms

from alliance.core.forms import ConstraintErrorsMixin, DateInput

from .models import Milestone
from .services import MILESTONE_FIELDS


class MilestoneForm(ConstraintErrorsMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = MILESTONE_FIELDS
        widgets = {"date": DateInput}
