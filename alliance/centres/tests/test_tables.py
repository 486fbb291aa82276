"""Property-based tests of the centres transition tables (alliance.core.tests.statemachine).

Each step is the real service. Actions only the deadline job takes (rule None) and actions
that change another row than the table's (request_move, mark_checklist) are left out; a
step that needs another object first (a renewal evaluation, a move request) prepares it
with the personas who may, then takes the action with the persona drawn."""

from datetime import timedelta
from itertools import cycle

import pytest
from django.utils import timezone
from hypothesis import settings

from alliance.accounts.models import MembershipRole
from alliance.accounts.tests.factories import MembershipFactory, UserFactory
from alliance.centres import services
from alliance.centres.models import CategoryChange, Centre, RenewalEvaluation
from alliance.centres.services.accreditation import reinstatement
from alliance.centres.states import (
    ACCREDITATION,
    CATEGORY_CHANGE,
    CENTRE,
    CURRENT_ACCREDITATION_STATUSES,
    EVALUATION,
    INITIATIVE,
    PARTNER_RECOGNITION,
    RECOGNITION_CRITERIA,
    REINSTATE_ACTIONS,
    AccreditationStatus,
    RequestStatus,
)
from alliance.core.models import Country
from alliance.core.states import TransitionRefused
from alliance.core.tests.statemachine import SETTINGS, run_table

from .factories import accredited_centre, centre_type, finish_design, make_centre

pytestmark = pytest.mark.django_db

GOOD = {"objectives": 3, "flagships": 4, "resources": 3, "reporting": 3, "network": 3}


@pytest.fixture
def personas(
    ministry,
    ministry_focal_point,
    secretariat_officer,
    director,
    lab_expert,
    stranger,
    university_focal_point,
):
    signatory = UserFactory(email="sign@ministry.test")
    MembershipFactory(user=signatory, organisation=ministry, role=MembershipRole.SIGNATORY)
    member = UserFactory(email="member@ministry.test")
    MembershipFactory(user=member, organisation=ministry, role=MembershipRole.MEMBER)
    return {
        "focal point": ministry_focal_point,
        "signatory": signatory,
        "member": member,
        "secretariat": secretariat_officer,
        "director": director,
        "lab expert": lab_expert,
        "another organisation": university_focal_point,
        "stranger": stranger,
    }


def only(personas, *names):
    """The roles that act on a table, someone of another organisation and a stranger:
    fewer personas, so that each action is drawn often enough in a run."""
    return {n: personas[n] for n in (*names, "another organisation", "stranger")}


# More sequences than the default: these lifecycles run through several roles in turn
# (with 100, every action of these tables but one is taken at least once).
SETTINGS = settings(SETTINGS, max_examples=100)


def _not_here(what: str):
    raise TransitionRefused(f"not for this test: {what}", code="not_applicable")


def _started():
    return timezone.localdate() - timedelta(days=30)


@pytest.fixture
def make_accredited(personas, ministry):
    """An accreditation in force; `place` puts it further along its cycle first, so that
    runs start from every state the tables allow (short runs rarely walk that far)."""
    p = personas

    def make(place="active"):
        start = _started()
        if place.endswith("due"):  # ends in 100 days: the 180-day reminder is due
            start = timezone.localdate() + timedelta(days=100) - timedelta(days=3 * 365 + 1)
        _centre, accreditation = accredited_centre(
            secretariat=p["secretariat"],
            director=p["director"],
            lab=p["lab expert"],
            organisation=ministry,
            start=start,
        )
        if place.endswith("due"):
            services.send_due_reminders(timezone.localdate())
        if "renewal" in place or place == "evaluated":
            evaluation = services.renewal_open(
                accreditation_id=accreditation.pk, actor=p["secretariat"]
            )
            if place == "evaluated":
                services.renewal_self_report(
                    evaluation_id=evaluation.pk, actor=p["focal point"], self_report="Done."
                )
                services.renewal_evaluate(
                    evaluation_id=evaluation.pk, actor=p["lab expert"], scores=GOOD, note=""
                )
        if place.startswith("suspended"):
            services.accreditation_suspend(
                accreditation_id=accreditation.pk, actor=p["director"], reason="Report overdue."
            )
        accreditation.refresh_from_db()
        return accreditation

    return make


PLACES = ["active", "evaluated", "suspended", "suspended in renewal", "suspended due", "due"]


def _current(centre):
    accreditation = centre.accreditations.filter(status__in=CURRENT_ACCREDITATION_STATUSES).first()
    return accreditation or _not_here("no accreditation in force")


def _move(centre, actor, personas):
    """A move to another type, requested and evaluated, then decided by `actor`."""
    change = centre.category_changes.filter(
        status__in=[RequestStatus.REQUESTED, RequestStatus.UNDER_EVALUATION]
    ).first()
    if change is None:
        target = next(
            t
            for t in (centre_type("RESEARCH_ENTREPRENEURSHIP"), centre_type("INITIATIVES"))
            if t.pk != centre.centre_type_id
        )
        change = services.category_change_request(
            centre_id=centre.pk,
            actor=personas["focal point"],
            to_type=target,
            justification="More staff.",
        )
    if change.status == RequestStatus.REQUESTED:
        services.category_change_evaluate(
            change_id=change.pk, actor=personas["lab expert"], note=""
        )
    return services.category_change_decide(change_id=change.pk, actor=actor, approve=True)


def test_centres_follow_their_table(personas, ministry, make_accredited):
    places = cycle(["in design", "active", "suspended"])

    def make():
        place = next(places)
        if place != "in design":
            return Centre.objects.get(pk=make_accredited(place).centre_id)
        centre = make_centre(actor=personas["secretariat"], organisation=ministry)
        finish_design(centre, personas["lab expert"])
        return centre

    run_table(
        machine=CENTRE,
        make=make,
        personas=only(personas, "director", "secretariat", "member"),
        settings_=SETTINGS,
        steps={
            "edit": lambda c, a: services.centre_update(centre_id=c.pk, actor=a, name="Renamed"),
            "edit_profile": lambda c, a: services.centre_profile_update(
                centre_id=c.pk, actor=a, website="https://centre.example.mw"
            ),
            "accredit": lambda c, a: services.accreditation_issue(
                centre_id=c.pk, actor=a, start_date=timezone.localdate()
            ),
            "suspend": lambda c, a: services.accreditation_suspend(
                accreditation_id=_current(c).pk, actor=a, reason="Report overdue."
            ),
            "reinstate": lambda c, a: services.accreditation_reinstate(
                accreditation_id=_current(c).pk, actor=a
            ),
            "revoke": lambda c, a: services.accreditation_revoke(
                accreditation_id=_current(c).pk, actor=a, reason="Misuse of the ITU name."
            ),
            "close": lambda c, a: services.centre_close(centre_id=c.pk, actor=a, reason="Ended."),
            "change_type": lambda c, a: _move(c, a, personas),
        },
    )


def _renewal(accreditation):
    found = RenewalEvaluation.objects.filter(accreditation=accreditation).first()
    return found or _not_here("no renewal opened")


def _renewal_ready(accreditation, personas):
    """The accreditation's renewal evaluation, self-reported and evaluated."""
    evaluation = _renewal(accreditation)
    if evaluation.status == "self_report_due":
        services.renewal_self_report(
            evaluation_id=evaluation.pk, actor=personas["focal point"], self_report="Done."
        )
    if evaluation.status in ("self_report_due", "self_reported"):
        services.renewal_evaluate(
            evaluation_id=evaluation.pk, actor=personas["lab expert"], scores=GOOD, note=""
        )
    return evaluation


def _reinstate(accreditation, actor, action):
    # The service picks the reinstatement from the renewal cycle; a step names one.
    if reinstatement(accreditation) != action:
        _not_here(f"this accreditation would not be reinstated by {action}")
    return services.accreditation_reinstate(accreditation_id=accreditation.pk, actor=actor)


def _supersede(accreditation, actor, personas):
    # A move reissues the centre's current accreditation: only this one if it is that one.
    if accreditation.status not in (AccreditationStatus.ACTIVE, AccreditationStatus.RENEWAL_DUE):
        _not_here("a move would reissue another accreditation")
    return _move(Centre.objects.get(pk=accreditation.centre_id), actor, personas)


def test_accreditations_follow_their_table(personas, make_accredited):
    steps = {
        "open_renewal": lambda x, a: services.renewal_open(accreditation_id=x.pk, actor=a),
        "suspend": lambda x, a: services.accreditation_suspend(
            accreditation_id=x.pk, actor=a, reason="Report overdue."
        ),
        "renew": lambda x, a: services.renewal_decide(
            evaluation_id=_renewal_ready(x, personas).pk, actor=a, renew=True
        ),
        "lapse": lambda x, a: services.renewal_decide(
            evaluation_id=_renewal(x).pk,
            actor=a,
            renew=False,
            note="Not requalified.",
        ),
        "supersede": lambda x, a: _supersede(x, a, personas),
        "revoke": lambda x, a: services.accreditation_revoke(
            accreditation_id=x.pk, actor=a, reason="Misuse of the ITU name."
        ),
    }
    for action in REINSTATE_ACTIONS.values():
        steps[action] = lambda x, a, action=action: _reinstate(x, a, action)
    places = cycle(PLACES)
    run_table(
        machine=ACCREDITATION,
        make=lambda: make_accredited(next(places)),
        personas=only(personas, "director", "secretariat", "focal point"),
        steps=steps,
        settings_=SETTINGS,
    )


def test_renewal_evaluations_follow_their_table(personas, make_accredited):
    places = cycle(["in renewal", "evaluated"])

    def make():
        accreditation = make_accredited(next(places))
        return RenewalEvaluation.objects.get(accreditation=accreditation)

    run_table(
        machine=EVALUATION,
        make=make,
        personas=only(personas, "director", "lab expert", "member"),
        settings_=SETTINGS,
        steps={
            "self_report": lambda e, a: services.renewal_self_report(
                evaluation_id=e.pk, actor=a, self_report="Three cohorts of start-ups."
            ),
            "evaluate": lambda e, a: services.renewal_evaluate(
                evaluation_id=e.pk, actor=a, scores=GOOD, note="Good."
            ),
            "renew": lambda e, a: services.renewal_decide(evaluation_id=e.pk, actor=a, renew=True),
            "lapse": lambda e, a: services.renewal_decide(
                evaluation_id=e.pk, actor=a, renew=False, note="Not requalified."
            ),
        },
    )


def test_moves_between_types_follow_their_table(personas, make_accredited):
    def make() -> CategoryChange:
        accreditation = make_accredited()
        return services.category_change_request(
            centre_id=accreditation.centre_id,
            actor=personas["focal point"],
            to_type=centre_type("RESEARCH_ENTREPRENEURSHIP"),
            justification="A university consortium now sponsors the centre.",
        )

    run_table(
        machine=CATEGORY_CHANGE,
        make=make,
        personas=only(personas, "director", "lab expert", "focal point"),
        steps={
            "evaluate": lambda c, a: services.category_change_evaluate(
                change_id=c.pk, actor=a, note="Fits."
            ),
            "approve": lambda c, a: services.category_change_decide(
                change_id=c.pk, actor=a, approve=True
            ),
            "reject": lambda c, a: services.category_change_decide(
                change_id=c.pk, actor=a, approve=False, note="Not enough resources yet."
            ),
        },
    )


RECOGNITION_GOOD = {code: 3 for code, _label in RECOGNITION_CRITERIA}


def test_partner_recognitions_follow_their_table(personas, university):
    made = iter(range(1000))

    def make():
        return services.recognition_request(
            organisation=university,
            actor=personas["another organisation"],
            centre_name=f"Nairobi Innovation Centre {next(made)}",
            centre_type=centre_type("RESEARCH_ENTREPRENEURSHIP"),
            scope="national",
            country=Country.objects.get(code="KE"),
            description="A university centre for digital start-ups.",
            track_record="Eight years, 200 start-ups.",
            resources="Twelve staff, a building.",
        )

    def complete_design(recognition, actor):
        # The data the checklist names, made once (by the Lab) before the step is tried.
        recognition.refresh_from_db()
        centre = recognition.centre
        if centre is not None and not centre.initiatives.exists():
            finish_design(centre, personas["lab expert"])
        return services.recognition_complete_design(recognition_id=recognition.pk, actor=actor)

    run_table(
        machine=PARTNER_RECOGNITION,
        make=make,
        personas=only(personas, "director", "secretariat", "signatory"),
        steps={
            "start_design": lambda r, a: services.recognition_start_design(
                recognition_id=r.pk, actor=a
            ),
            "complete_design": complete_design,
            "evaluate": lambda r, a: services.recognition_evaluate(
                recognition_id=r.pk, actor=a, scores=RECOGNITION_GOOD, note="Good."
            ),
            "approve": lambda r, a: services.recognition_decide(
                recognition_id=r.pk, actor=a, approve=True
            ),
            "reject": lambda r, a: services.recognition_decide(
                recognition_id=r.pk, actor=a, approve=False, note="Too early."
            ),
        },
    )


def test_flagship_initiatives_follow_their_table(personas, make_accredited):
    def make():
        accreditation = make_accredited()
        return services.initiative_create(
            centre_id=accreditation.centre_id,
            actor=personas["focal point"],
            title={"en": "Sandbox"},
            status="planned",
        )

    def to(status):
        return lambda i, a: services.initiative_update(initiative_id=i.pk, actor=a, status=status)

    run_table(
        machine=INITIATIVE,
        make=make,
        personas=only(personas, "secretariat", "member", "lab expert"),
        steps={
            "edit": lambda i, a: services.initiative_update(
                initiative_id=i.pk, actor=a, outcomes="Twelve start-ups tested products."
            ),
            "plan": to("planned"),
            "start": to("running"),
            "complete": to("completed"),
            "cancel": to("cancelled"),
        },
    )
