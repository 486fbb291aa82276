"""The applicant's pages keep typed work over an expired session: the one way, in core."""

from alliance.core.keep_typed import login_required_keeping_post, take_kept_post

__all__ = ["login_required_keeping_post", "take_kept_post"]
