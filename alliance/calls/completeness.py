"""The application's task list: which sections are done and what is still missing."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import QuestionKind

SECTIONS = [
    ("centre", gettext_lazy("The proposed centre")),
    ("initiatives", gettext_lazy("Flagship initiatives")),
    ("resources", gettext_lazy("Human and financial resources")),
    ("questions", gettext_lazy("Answers to the call's questions")),
    ("documents", gettext_lazy("Documents")),
]


@dataclass
class Section:
    key: str
    title: str
    missing: list[str] = field(default_factory=list)
    started: bool = False

    @property
    def status(self) -> str:
        if not self.missing:
            return "completed"
        return "in_progress" if self.started else "not_started"

    @property
    def status_label(self) -> str:
        return {
            "completed": _("Completed"),
            "in_progress": _("In progress"),
            "not_started": _("Not started"),
        }[self.status]


def word_count(text: str) -> int:
    return len((text or "").split())


def sections_for(application, questions, documents) -> list[Section]:
    """`questions` and `documents` are passed in, already fetched, to keep queries fixed."""
    call = application.call
    result = {key: Section(key, str(title)) for key, title in SECTIONS}

    centre = result["centre"]
    eligible_types = {t.pk for t in call.centre_types.all()}
    centre.started = bool(
        application.proposed_centre_type_id
        or application.proposed_scope
        or application.host_institution
    )
    if application.proposed_centre_type_id not in eligible_types:
        centre.missing.append(_("Choose a centre type that this call accepts."))
    if application.proposed_scope not in call.scopes:
        centre.missing.append(_("Choose a scope that this call accepts."))
    if not application.host_institution.strip():
        centre.missing.append(_("Name the host institution."))

    initiatives = result["initiatives"]
    initiatives.started = bool(application.flagship_initiatives.strip())
    if not initiatives.started:
        initiatives.missing.append(_("Describe the flagship initiatives you propose."))

    resources = result["resources"]
    resources.started = bool(
        application.human_resources_plan.strip() or application.financial_resources_plan.strip()
    )
    if not application.human_resources_plan.strip():
        resources.missing.append(_("Describe the human resources plan."))
    if not application.financial_resources_plan.strip():
        resources.missing.append(_("Describe the financial resources plan."))

    answered_files = {d.question_id for d in documents if d.question_id}
    for q in questions:
        section = result["documents" if q.kind == QuestionKind.FILE else "questions"]
        if q.kind == QuestionKind.FILE:
            present = q.pk in answered_files
        else:
            value = application.answers.get(q.key)
            present = value not in (None, "", [])
            too_long = (
                present
                and q.word_limit
                and q.kind == QuestionKind.LONG_TEXT
                and word_count(value) > q.word_limit
            )
            if too_long:
                section.missing.append(
                    _("“%(q)s” is longer than %(n)d words.")
                    % {"q": str(q.label), "n": q.word_limit}
                )
        section.started = section.started or present
        if q.required and not present:
            section.missing.append(_("Answer “%(q)s”.") % {"q": str(q.label)})
    result["documents"].started = result["documents"].started or bool(documents)
    return list(result.values())


def missing_items(application, questions, documents) -> list[tuple[str, str]]:
    return [(s.key, m) for s in sections_for(application, questions, documents) for m in s.missing]
