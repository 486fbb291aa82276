import random

from django.contrib.auth.models import Group

from alliance.accounts.models import Membership, Organisation
from alliance.accounts.roles import StaffRole
from alliance.core.reference.member_states import MEMBER_STATES
from alliance.seeding.demo import demo_user

# Organisations named in public reports about the Alliance (see shared/DOMAIN.md).
ORGANISATIONS = [
    (
        "macra",
        "Malawi Communications Regulatory Authority",
        "MACRA",
        "regulator",
        "MW",
        "sector_member",
    ),
    (
        "tcra",
        "Tanzania Communications Regulatory Authority",
        "TCRA",
        "regulator",
        "TZ",
        "sector_member",
    ),
    (
        "idda",
        "Innovation and Digital Development Agency",
        "IDDA",
        "member_state",
        "AZ",
        "member_state",
    ),
    ("tih", "The Innovation Hub", "TIH", "company", "ZA", "sector_member"),
    (
        "ng_ministry",
        "Federal Ministry of Communications, Innovation and Digital Economy",
        "FMCIDE",
        "member_state",
        "NG",
        "member_state",
    ),
    ("uni_nairobi", "University of Nairobi", "UoN", "academia", "KE", "academia"),
    ("dot_india", "Department of Telecommunications", "DoT", "member_state", "IN", "member_state"),
    ("ucad", "Université Cheikh Anta Diop", "UCAD", "academia", "SN", "academia"),
    (
        "arcep_bj",
        "Autorité de Régulation des Communications Électroniques et de la Poste",
        "ARCEP",
        "regulator",
        "BJ",
        "sector_member",
    ),
]

PEOPLE = [
    # key, email, name, label, organisation key, membership role, staff role
    (
        "secretariat",
        "secretariat@demo.alliance.test",
        "Amina Diallo",
        "BDT secretariat officer",
        None,
        None,
        StaffRole.SECRETARIAT,
    ),
    (
        "director",
        "director@demo.alliance.test",
        "Jean Moreau",
        "BDT Director",
        None,
        None,
        StaffRole.DIRECTOR,
    ),
    (
        "lab",
        "lab@demo.alliance.test",
        "Lina Haddad",
        "Lab expert",
        None,
        None,
        StaffRole.LAB_EXPERT,
    ),
    (
        "reviewer",
        "reviewer@demo.alliance.test",
        "Carlos Mendes",
        "Reviewer",
        None,
        None,
        StaffRole.REVIEWER,
    ),
    (
        "board",
        "board@demo.alliance.test",
        "Grace Banda",
        "Board member",
        None,
        None,
        StaffRole.BOARD_MEMBER,
    ),
    (
        "ministry",
        "focal@fmcide.demo.alliance.test",
        "Chinedu Okafor",
        "Ministry focal point (Nigeria)",
        "ng_ministry",
        "focal_point",
        None,
    ),
    (
        "macra_focal",
        "focal@macra.demo.alliance.test",
        "Thoko Phiri",
        "Regulator focal point (MACRA, Malawi)",
        "macra",
        "focal_point",
        None,
    ),
    (
        "macra_signatory",
        "dg@macra.demo.alliance.test",
        "Daudi Mwale",
        "Authorised signatory (MACRA)",
        "macra",
        "signatory",
        None,
    ),
    (
        "university",
        "focal@uon.demo.alliance.test",
        "Wanjiru Kamau",
        "University focal point (Nairobi)",
        "uni_nairobi",
        "focal_point",
        None,
    ),
    (
        "ucad",
        "focal@ucad.demo.alliance.test",
        "Awa Ndiaye",
        "Université focal point (Dakar, in French)",
        "ucad",
        "focal_point",
        None,
    ),
]

# Demo people who chose their own time zone: calls show deadlines in it too.
TIME_ZONES = {"university": "Africa/Nairobi", "ucad": "Africa/Dakar"}

KINDS = ["member_state", "regulator", "academia", "company", "civil_society"]
MEMBERSHIP_FOR_KIND = {
    "member_state": "member_state",
    "regulator": "sector_member",
    "academia": "academia",
    "company": "sector_member",
    "civil_society": "none",
}


def seed(ctx):
    for key, name, acronym, kind, country, membership in ORGANISATIONS:
        ctx.organisations[key], _ = Organisation.objects.get_or_create(
            name=name,
            country=country,
            defaults={"acronym": acronym, "kind": kind, "itu_membership": membership},
        )
    # Generated organisations so that lists and filters have volume (fixed seed: stable).
    rng = random.Random(2023)
    codes = sorted(MEMBER_STATES)
    for i in range(1, 41):
        country = rng.choice(codes)
        kind = rng.choice(KINDS)
        Organisation.objects.get_or_create(
            name=f"Demo {kind.replace('_', ' ').title()} {i:02d}",
            country=country,
            defaults={"kind": kind, "itu_membership": MEMBERSHIP_FOR_KIND[kind]},
        )
    for key, email, name, label, org_key, member_role, staff_role in PEOPLE:
        language = "fr" if email.endswith("ucad.demo.alliance.test") else "en"
        user = demo_user(
            ctx,
            key,
            email,
            name,
            label,
            preferred_language=language,
            time_zone=TIME_ZONES.get(key, ""),
        )
        if staff_role:
            user.groups.add(Group.objects.get(name=staff_role.value))
        if org_key:
            Membership.objects.get_or_create(
                user=user, organisation=ctx.organisations[org_key], defaults={"role": member_role}
            )
    seed_trust(ctx)


# Organisations whose ITU membership the secretariat has checked in the demo, with their
# entry in ITU's lists (accounts/reference/). UCAD, ARCEP and The Innovation Hub only
# declare theirs, so the demo also shows the refusals.
VERIFIED = {
    "ng_ministry": ("member_state", "NG"),
    "dot_india": ("member_state", "IN"),
    "idda": ("member_state", "AZ"),
    "macra": ("sector_member", "SM-MACRA"),
    "uni_nairobi": ("academia", "AC-UONBI"),
}


def seed_trust(ctx):
    """ITU's demo lists, verified organisations and a request to join waiting for the
    Nigerian ministry's focal point (issue 17). TCRA keeps nobody: it can be claimed."""
    from alliance.accounts import itu, joins
    from alliance.accounts.models import ItuMember, ItuVerification, JoinRequest, User

    itu.load_csv(itu.DEMO_CSV)
    officer = ctx.users["secretariat"]
    for key, (category, ref) in VERIFIED.items():
        organisation = ctx.organisations[key]
        if organisation.itu_status != ItuVerification.VERIFIED:
            entry = ItuMember.objects.get(category=category, key=ref)
            itu.verify(organisation_id=organisation.pk, actor=officer, entry_id=entry.pk)
    person, _created = User.objects.get_or_create(
        email="ngozi@fmcide.demo.alliance.test", defaults={"full_name": "Ngozi Adeyemi"}
    )
    ministry = ctx.organisations["ng_ministry"]
    if not JoinRequest.objects.filter(user=person, organisation=ministry).exists():
        joins.join_request_send(
            organisation_id=ministry.pk,
            actor=person,
            message="I run the ministry's start-up programme and will prepare the application.",
        )
