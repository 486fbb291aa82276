"""What the Board's public pages show (alliance.core.cache): its composition (seats), its
published decisions (with their meetings and the people elected) and the Expert Network."""

from alliance.core.cache import depends_on

MEMBERS = "board.members"
DECISIONS = "board.decisions"
EXPERTS = "board.experts"

depends_on("board.BoardMember", lambda event: [MEMBERS, DECISIONS])
depends_on("board.Meeting", lambda event: [DECISIONS])
depends_on("board.Decision", lambda event: [DECISIONS, MEMBERS])
depends_on("board.Expert", lambda event: [EXPERTS])
