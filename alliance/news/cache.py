"""What the public news pages show (alliance.core.cache): announcements and pilots. A
pilot also changes the registry, its map and the open data (centres' REGISTRY key)."""

from alliance.core.cache import depends_on

NEWS = "news.announcements"
PILOTS = "news.pilots"
REGISTRY = "centres"  # alliance.centres.cache.REGISTRY (that app sits above this one)

depends_on("news.Announcement", lambda event: [NEWS])
depends_on("news.Pilot", lambda event: [PILOTS, NEWS, REGISTRY])
