from django import forms

from alliance.core.forms import DateInput

from .models import Milestone
from .services import MILESTONE_FIELDS


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = MILESTONE_FIELDS
        widgets = {"date": DateInput}
