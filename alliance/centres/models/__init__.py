from .accreditation import Accreditation, RenewalEvaluation, RenewalReminder
from .centre import Centre, CentreTypePeriod, DesignChecklistItem, FlagshipInitiative
from .costs import CostModelVersion
from .requests import CategoryChange, PartnerRecognition
from .types import CentreType, CostClass, Ownership

__all__ = [
    "Accreditation",
    "CategoryChange",
    "Centre",
    "CentreType",
    "CentreTypePeriod",
    "CostClass",
    "CostModelVersion",
    "DesignChecklistItem",
    "FlagshipInitiative",
    "Ownership",
    "PartnerRecognition",
    "RenewalEvaluation",
    "RenewalReminder",
]
