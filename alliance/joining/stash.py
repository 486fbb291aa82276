"""The joining pages keep typed work over an expired session: the one way, in core."""

from alliance.core.keep_typed import login_required_keeping_post
from alliance.core.keep_typed import take_kept_post as pop_stash

__all__ = ["login_required_keeping_post", "pop_stash"]
