from .applicant import (
    CentreSectionForm,
    DocumentForm,
    InitiativesSectionForm,
    QuestionsSectionForm,
    ResourcesSectionForm,
    StartApplicationForm,
)
from .review import DecisionForm, DeclarationForm, ReviewForm
from .staff import (
    AssignForm,
    BulkAssignForm,
    CallForm,
    CancelForm,
    CriterionFormSet,
    GenevaDateTimeField,
    QuestionFormSet,
    ScreeningForm,
)

__all__ = [
    "AssignForm",
    "BulkAssignForm",
    "CallForm",
    "CancelForm",
    "CentreSectionForm",
    "CriterionFormSet",
    "DecisionForm",
    "DeclarationForm",
    "DocumentForm",
    "GenevaDateTimeField",
    "InitiativesSectionForm",
    "QuestionFormSet",
    "QuestionsSectionForm",
    "ResourcesSectionForm",
    "ReviewForm",
    "ScreeningForm",
    "StartApplicationForm",
]
