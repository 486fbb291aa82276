"""Lessons learned: written by the Lab or a centre's managers. A centre's lesson reaches the
public library once the Lab has reviewed it (published, changes asked, declined)."""

import markdown
import nh3
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.core import kernel, policy
from alliance.core.states import TransitionRefused
from alliance.core.uploads import validate_upload

from ..models import LessonAttachment, LessonLearned
from ..states import CHANGE_LESSON, LESSON_ACTION_TO, LESSON_REASON_REQUIRED, MODERATE_LESSON

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "code", "pre",
    "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


def render_markdown(text: str) -> str:
    """Markdown to HTML, then cleaned: scripts, event handlers and styles never get through."""
    html = markdown.markdown(text, extensions=["tables"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"scope"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 just above


@transaction.atomic
def lesson_create(
    *,
    actor: User,
    title: str,
    summary: str,
    body: str,
    objective,
    language: str,
    region=None,
    centre=None,
    attachments=(),
    publish: bool = False,
) -> LessonLearned:
    lesson = LessonLearned(
        title=title.strip(),
        summary=summary.strip(),
        body=body,
        objective=objective,
        region=region,
        centre=centre,
        language=language,
        author=actor,
    )
    policy.require(actor, "monitoring.lesson.create", lesson)
    if not title.strip() or not body.strip():
        raise TransitionRefused(_("Give the lesson a title and a text."), code="incomplete")
    for upload in attachments or ():
        validate_upload(upload, "document")
    if centre is not None and region is None:
        lesson.region = centre.country.region
    kernel.create(lesson, actor=actor, verb="lesson.created", after=lesson.status)
    for upload in attachments or ():
        LessonAttachment.objects.create(lesson=lesson, file=upload, uploaded_by=actor)
    if publish:
        # "Publish" from the Lab; from a centre, "send to the Lab for review".
        if policy.can(actor, MODERATE_LESSON, lesson):
            lesson = _publish(lesson, actor)
        else:
            lesson = kernel.transition(
                lesson, "submit", actor=actor, fields={"submitted_at": timezone.now()}
            )
    return lesson


def _publish(lesson: LessonLearned, actor: User) -> LessonLearned:
    fields = {} if lesson.published_at else {"published_at": timezone.now()}
    if lesson.author_id != actor.pk:
        fields |= {"reviewed_by": actor, "reviewed_at": timezone.now(), "review_note": ""}
    return kernel.transition(lesson, "publish", actor=actor, fields=fields)


@transaction.atomic
def lesson_update(*, lesson_id: int, actor: User, attachments=(), **fields) -> LessonLearned:
    """The author (or the Lab) changes a draft, or a lesson the Lab sent back."""
    lesson = kernel.lock(LessonLearned, lesson_id, related=("centre__country",))
    kernel.check(lesson, "edit", actor)
    for name in ("title", "summary"):
        if name in fields:
            fields[name] = fields[name].strip()
    if not fields.get("title", lesson.title) or not fields.get("body", lesson.body).strip():
        raise TransitionRefused(_("Give the lesson a title and a text."), code="incomplete")
    for upload in attachments or ():
        validate_upload(upload, "document")
    centre = fields.get("centre", lesson.centre)
    if centre is not None and fields.get("region") is None:
        fields["region"] = centre.country.region
    lesson = kernel.transition(lesson, "edit", actor=actor, fields=fields)
    for upload in attachments or ():
        LessonAttachment.objects.create(lesson=lesson, file=upload, uploaded_by=actor)
    return lesson


@transaction.atomic
def lesson_set_status(
    *, lesson_id: int, actor: User, status: str, reason: str = ""
) -> LessonLearned:
    """Submit, publish, ask for changes, decline (these two with a reason) or withdraw."""
    lesson = kernel.lock(LessonLearned, lesson_id, related=("centre",))
    action = LESSON_ACTION_TO.get(status)
    if action is None:  # back to draft: no action leads there
        policy.require(actor, CHANGE_LESSON, lesson)
        raise TransitionRefused(
            _("This cannot be done while the status is “%(status)s”.")
            % {"status": lesson.get_status_display()},
            code="invalid_transition",
        )
    kernel.check(lesson, action, actor)
    if action == "publish":
        return _publish(lesson, actor)
    if action == "submit":
        return kernel.transition(
            lesson, action, actor=actor, fields={"submitted_at": timezone.now()}
        )
    if action in LESSON_REASON_REQUIRED:
        if not reason.strip():
            raise TransitionRefused(
                _("Tell the author why: they read it with the lesson."), code="reason_required"
            )
        fields = {
            "review_note": reason.strip(),
            "reviewed_by": actor,
            "reviewed_at": timezone.now(),
        }
        return kernel.transition(lesson, action, actor=actor, fields=fields, after=reason.strip())
    return kernel.transition(lesson, action, actor=actor)
