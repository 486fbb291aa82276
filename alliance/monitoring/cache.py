"""What the public pages of monitoring show (alliance.core.cache): the library of lessons
learned, and the public figures (centres listed, reports accepted, technical assistance
delivered, lessons published)."""

from alliance.core.cache import depends_on

LESSONS = "monitoring.lessons"
FIGURES = "monitoring.figures"

depends_on("monitoring.LessonLearned", lambda event: [LESSONS, FIGURES])
depends_on("monitoring.CentreReport", lambda event: [FIGURES])
depends_on("lab.TechnicalAssistanceRequest", lambda event: [FIGURES])
depends_on("centres.Centre", lambda event: [FIGURES])
