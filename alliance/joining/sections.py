"""What each section of the preliminary assessment holds, and when it counts as done."""

from .models import Pillar, PreliminaryAssessment, Section
from .states import SectionStatus

HUMAN_ROWS = 6

SECTION_FIELDS = {
    Section.ECOSYSTEM: ["pillars"],
    Section.HUMAN: ["human_resources"],
    Section.FINANCIAL: ["annual_budget_usd", "funding_sources", "years_secured"],
    Section.PROFILE: ["objectives", "scope", "ownership", "sponsor", "flagship_initiatives"],
}


def _status(filled: int, needed: int) -> str:
    if filled == 0:
        return SectionStatus.NOT_STARTED
    return SectionStatus.COMPLETED if filled >= needed else SectionStatus.IN_PROGRESS


def section_status(assessment: PreliminaryAssessment, section: str) -> str:
    a = assessment
    if section == Section.ECOSYSTEM:
        entries = [a.pillars.get(p, {}) for p in Pillar.values]
        started = sum(1 for e in entries if e.get("rating") or e.get("evidence"))
        done = sum(1 for e in entries if e.get("rating") and e.get("evidence"))
        if started == 0:
            return SectionStatus.NOT_STARTED
        return SectionStatus.COMPLETED if done == len(Pillar.values) else SectionStatus.IN_PROGRESS
    if section == Section.HUMAN:
        rows = a.human_resources
        if not rows:
            return SectionStatus.NOT_STARTED
        complete = all(r.get("role") and r.get("fte") for r in rows)
        return SectionStatus.COMPLETED if complete else SectionStatus.IN_PROGRESS
    values = [getattr(a, f) for f in SECTION_FIELDS[section]]
    filled = sum(1 for v in values if v not in (None, "", []))
    return _status(filled, len(values))


def missing_sections(assessment: PreliminaryAssessment) -> list[str]:
    return [
        str(Section(s).label)
        for s in Section.values
        if section_status(assessment, s) != SectionStatus.COMPLETED
    ]
