"""The preliminary assessment as an ecosystem profile, after ITU's Digital Innovation Profiles.

One context feeds the HTML page and the PDF report: the pillars on a radar chart against the
averages of the region and of all submitted assessments (each shown only when enough
organisations feed it), a sentence per pillar, the recommended centre type with its reasons
and cost breakdown, and the next steps.
"""

import base64
import re

import pygal
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pygal.style import Style

from alliance.core.documents import CHART_FONTS, localise_svg

from .models import Pillar, Rating
from .selectors import (
    MIN_ORGANISATIONS_FOR_AVERAGE,
    RATING_SCORE,
    pillar_averages,
    recommendation_for,
)
from .states import AssessmentStatus

COST_PARTS = {
    "base": gettext_lazy("Base operating cost"),
    "objectives": gettext_lazy("Strategic objectives covered"),
    "scope_and_ownership": gettext_lazy("Scope and ownership model"),
    "flagship_initiatives": gettext_lazy("Flagship initiatives"),
}
RADAR_STYLE = Style(
    background="white",
    plot_background="white",
    foreground="#0b0c0c",
    foreground_strong="#0b0c0c",
    foreground_subtle="#505a5f",
    colors=("#005a9c", "#d4351c", "#00703c"),
    font_family=CHART_FONTS,
    label_font_size=11,
    legend_font_size=12,
)
SCRIPT = re.compile(r"<script.*?</script>", re.S)


def _pillar_sentence(label: str, rating: str) -> tuple[str, str]:
    """(kind, sentence): kind is strength, build or gap, for the marker beside the text."""
    if rating == Rating.ADEQUATE:
        return "strength", _(
            "Strength: %(pillar)s is in place, with adequate evidence and activities."
        ) % {"pillar": label}
    if rating == Rating.SOME:
        return "build", _(
            "To build on: %(pillar)s shows some evidence and activities, not yet enough to rely on."
        ) % {"pillar": label}
    if rating == Rating.INADEQUATE:
        return "gap", _(
            "Gap: %(pillar)s has little evidence or activity; the centre would need to "
            "address it early."
        ) % {"pillar": label}
    return "unrated", _("%(pillar)s was not rated.") % {"pillar": label}


def _comparison(score, average) -> str:
    if score is None or average is None:
        return ""
    if score > average + 0.25:
        return _("above the average")
    if score < average - 0.25:
        return _("below the average")
    return _("close to the average")


def radar_svg(rows: list[dict], series: list[tuple[str, list]]) -> str:
    chart = pygal.Radar(
        js=[],
        style=RADAR_STYLE,
        width=560,
        height=440,
        explicit_size=True,
        fill=False,
        range=(0, 3),
        legend_at_bottom=True,
        legend_at_bottom_columns=1,
        show_legend=True,
        dots_size=3,
        margin=28,
        truncate_label=-1,
        truncate_legend=-1,
        y_labels=[1, 2, 3],
        tooltip_border_radius=0,
    )
    chart.x_labels = [row["label"] for row in rows]
    for name, values in series:
        chart.add(name, values)
    # pygal writes an inline config script even with js=[]: the chart needs none of it.
    return localise_svg(SCRIPT.sub("", chart.render(is_unicode=True)))


def profile_context(assessment) -> dict:
    """Everything the profile page and the PDF report show (in the active language)."""
    averages = pillar_averages(assessment)
    region, everyone = averages["region"], averages["all"]
    rows = []
    for code, label in Pillar.choices:
        entry = assessment.pillars.get(code, {}) or {}
        rating = entry.get("rating", "")
        score = RATING_SCORE.get(rating)
        kind, sentence = _pillar_sentence(str(label), rating)
        region_avg = region["scores"].get(code) if region and region["shown"] else None
        all_avg = everyone["scores"].get(code) if everyone["shown"] else None
        rows.append(
            {
                "code": code,
                "label": str(label),
                "rating": rating,
                "rating_label": Rating(rating).label if rating in Rating.values else "",
                "score": score,
                "kind": kind,
                "sentence": sentence,
                "evidence": entry.get("evidence", ""),
                "region_average": region_avg,
                "all_average": all_avg,
                "versus_region": _comparison(score, region_avg),
                "versus_all": _comparison(score, all_avg),
            }
        )
    series = [(str(assessment.organisation), [r["score"] for r in rows])]
    if region and region["shown"]:
        series.append(
            (
                _("Average of %(region)s (%(count)d organisations)")
                % {"region": averages["region_name"], "count": region["count"]},
                [r["region_average"] for r in rows],
            )
        )
    if everyone["shown"]:
        series.append(
            (
                _("Average of all submitted assessments (%(count)d organisations)")
                % {"count": everyone["count"]},
                [r["all_average"] for r in rows],
            )
        )
    svg = radar_svg(rows, series)
    fits = recommendation_for(assessment)
    best = fits[0] if fits else None
    return {
        "assessment": assessment,
        "pillars": rows,
        "averages": averages,
        "region_shown": bool(region and region["shown"]),
        "all_shown": everyone["shown"],
        "min_organisations": MIN_ORGANISATIONS_FOR_AVERAGE,
        "radar_svg": svg,
        "radar_data_uri": "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode(),
        "radar_alt": _radar_alt(assessment, rows),
        "fits": fits,
        "best": best,
        "cost_parts": [(COST_PARTS.get(k, k), v) for k, v in best.cost.parts] if best else [],
        "next_steps": next_steps(assessment, rows, best),
    }


def _radar_alt(assessment, rows) -> str:
    strengths = [r["label"] for r in rows if r["kind"] == "strength"]
    gaps = [r["label"] for r in rows if r["kind"] == "gap"]
    return _(
        "Radar chart of the seven ecosystem pillars of %(org)s on a scale of 1 (inadequate) "
        "to 3 (adequate). Strengths: %(strengths)s. Gaps: %(gaps)s. The table below gives "
        "every value."
    ) % {
        "org": assessment.organisation,
        "strengths": ", ".join(strengths) or _("none"),
        "gaps": ", ".join(gaps) or _("none"),
    }


def next_steps(assessment, rows, best) -> list[str]:
    steps = []
    if assessment.status in (AssessmentStatus.SUBMITTED, AssessmentStatus.IN_REVIEW):
        steps.append(_("The Alliance secretariat reviews the assessment and writes its findings."))
    elif assessment.status == AssessmentStatus.DRAFT:
        steps.append(_("Complete every section and submit the assessment for review."))
    gaps = [r["label"] for r in rows if r["kind"] == "gap"]
    if gaps:
        steps.append(
            _("Plan how the centre would close the gaps in: %(pillars)s.")
            % {"pillars": ", ".join(gaps)}
        )
    if best:
        steps.append(
            _("Confirm the centre type with the secretariat (recommended: %(type)s).")
            % {"type": best.centre_type.name}
        )
        steps.append(
            _("Secure the resources: about USD %(amount)s a year.")
            % {"amount": f"{best.cost.annual_usd:,}"}
        )
    steps.append(_("Draft the joint declaration with BDT once the assessment is completed."))
    return steps
