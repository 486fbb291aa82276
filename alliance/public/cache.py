"""What the public pages of the site show (alliance.core.cache): the key dates."""

from alliance.core.cache import depends_on

MILESTONES = "public.milestones"

depends_on("public.Milestone", lambda event: [MILESTONES])
