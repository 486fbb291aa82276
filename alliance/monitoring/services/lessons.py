"""Lessons learned: written by the Lab or a centre's managers, published to the library."""

import markdown
import nh3
from django.db import transaction
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from alliance.accounts.models import User
from alliance.centres.permissions import is_centre_manager
from alliance.core.audit import record_event
from alliance.core.states import PermissionRefused, TransitionRefused, require_transition
from alliance.core.uploads import validate_upload

from ..models import LessonAttachment, LessonLearned
from ..permissions import is_lab
from ..states import LESSON_ALLOWED, LessonStatus

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


def _require_author(actor: User, centre) -> None:
    if is_lab(actor):
        return
    if centre is None or not is_centre_manager(actor, centre):
        raise PermissionRefused(_("Only the Lab or a centre's managers can publish lessons."))


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
    _require_author(actor, centre)
    if not title.strip() or not body.strip():
        raise TransitionRefused(_("Give the lesson a title and a text."), code="incomplete")
    for upload in attachments or ():
        validate_upload(upload, "document")
    if centre is not None and region is None:
        region = centre.country.region
    lesson = LessonLearned.objects.create(
        title=title.strip(),
        summary=summary.strip(),
        body=body,
        objective=objective,
        region=region,
        centre=centre,
        language=language,
        author=actor,
    )
    for upload in attachments or ():
        LessonAttachment.objects.create(lesson=lesson, file=upload, uploaded_by=actor)
    record_event(actor=actor, verb="lesson.created", obj=lesson, after=lesson.status)
    if publish:
        lesson = _set_status(lesson, actor, LessonStatus.PUBLISHED)
    return lesson


def _set_status(lesson: LessonLearned, actor: User, status: str) -> LessonLearned:
    require_transition(lesson, status, LESSON_ALLOWED)
    before = lesson.status
    lesson.status = status
    fields = ["status"]
    if status == LessonStatus.PUBLISHED and lesson.published_at is None:
        lesson.published_at = timezone.now()
        fields.append("published_at")
    lesson.save(update_fields=fields)
    record_event(actor=actor, verb=f"lesson.{status}", obj=lesson, before=before, after=status)
    return lesson


@transaction.atomic
def lesson_set_status(*, lesson_id: int, actor: User, status: str) -> LessonLearned:
    lesson = LessonLearned.objects.select_for_update().select_related("centre").get(pk=lesson_id)
    if not (is_lab(actor) or lesson.author_id == actor.pk):
        raise PermissionRefused(_("Only the Lab or the lesson's author can do this."))
    return _set_status(lesson, actor, status)
