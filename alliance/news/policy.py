"""Who may do what with news (alliance.core.policy).

The secretariat writes and publishes announcements (`news.manage_news`); only the BDT
Director designates pilots (`news.designate_pilot`). Migration 0002 grants both.
"""

from django.utils.translation import gettext_lazy as _

from alliance.accounts.policy import capability
from alliance.accounts.roles import StaffRole, register_grants
from alliance.core.policy import rule

GRANTS = {
    StaffRole.SECRETARIAT: ["manage_news"],
    StaffRole.DIRECTOR: ["manage_news", "designate_pilot"],
}
register_grants("news", GRANTS)

MANAGE_ONLY = _("Only the secretariat can do this.")
DIRECTOR_ONLY = _("Only the BDT Director can do this.")

manages_news = capability("news.manage_news")
designates = capability("news.designate_pilot")

rule("news.manage", manages_news | designates, message=MANAGE_ONLY)
rule("news.announcement.manage", manages_news, message=MANAGE_ONLY)
rule("news.pilot.designate", designates, message=DIRECTOR_ONLY)
