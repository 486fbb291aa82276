"""What the joining services share: the messages' wording for refused managers."""

from django.utils.translation import gettext_lazy as _

MANAGER_ONLY = _("Only a focal point or an authorised signatory can do this.")
