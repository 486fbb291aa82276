"""Demo Board inspired by public facts (shared/DOMAIN.md). Every personal name is
invented; titles follow the public record. Idempotent."""

from datetime import date, timedelta

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from alliance.accounts.roles import StaffRole
from alliance.board.models import BoardMember, Expert, ExpertArea, Nomination

from .board_meetings import seed_meetings

TERM_START, TERM_END = date(2024, 2, 15), date(2027, 2, 14)

# full name, title, country, organisation, category, role, org key, start, end, status, ended_on
MEMBERS = [
    (
        "Elira Dervishi",
        "Minister of Infrastructure and Energy",
        "AL",
        "Ministry of Infrastructure and Energy",
        "member_state",
        "member",
        None,
    ),
    (
        "Khalid Al-Mansoori",
        "Minister of Transportation and Telecommunications",
        "BH",
        "Ministry of Transportation and Telecommunications",
        "member_state",
        "member",
        None,
    ),
    (
        "Hany Mostafa",
        "Minister of Communications and Information Technology",
        "EG",
        "Ministry of Communications and Information Technology",
        "member_state",
        "member",
        None,
    ),
    (
        "Sylvie Mba Obame",
        "Minister of Digital Economy",
        "GA",
        "Ministry of Digital Economy",
        "member_state",
        "member",
        None,
    ),
    (
        "Adaeze Nwosu",
        "Minister of Communications, Innovation and Digital Economy",
        "NG",
        "Federal Ministry of Communications, Innovation and Digital Economy",
        "member_state",
        "co_chair",
        "ng_ministry",
    ),
    (
        "Arvind Menon",
        "Secretary (Telecommunications)",
        "IN",
        "Department of Telecommunications",
        "member_state",
        "co_chair",
        "dot_india",
    ),
    (
        "Thabo Nkosi",
        "Minister of Communications and Digital Technologies",
        "ZA",
        "Department of Communications and Digital Technologies",
        "member_state",
        "member",
        None,
    ),
    (
        "Tendai Moyo",
        "Minister of ICT, Postal and Courier Services",
        "ZW",
        "Ministry of ICT, Postal and Courier Services",
        "member_state",
        "member",
        None,
    ),
    (
        "Neema Mushi",
        "Director General",
        "TZ",
        "Tanzania Communications Regulatory Authority",
        "sector_member",
        "member",
        "tcra",
    ),
    (
        "Wambui Githinji",
        "Vice-Chancellor",
        "KE",
        "University of Nairobi",
        "academia",
        "member",
        "uni_nairobi",
    ),
    ("Helena Vásquez Ortiz", "Professor of Innovation Policy", "ES", "", "expert", "member", None),
    (
        "Kwame Asante-Boateng",
        "Founder and Chair, pan-African early-stage venture fund",
        "GH",
        "",
        "leader",
        "member",
        None,
    ),
    (
        "Ingrid Solberg",
        "Director, Digital Development Partnerships",
        "NO",
        "United Nations Development Programme",
        "partner",
        "member",
        None,
    ),
    ("Omar Haddad", "Adviser on digital transformation", "JO", "", "expert", "member", None),
]

EXPERTS = [
    (
        "Aïssatou Sow",
        "SN",
        "Cheikh Anta Diop University",
        ["FORESIGHT", "POLICY"],
        "fr,en",
        "available",
    ),
    (
        "Rafael Monteiro",
        "BR",
        "Innovation agency of Minas Gerais",
        ["ENTREPRENEURSHIP", "ECOSYSTEM"],
        "pt,en,es",
        "available",
    ),
    ("Leila Karimi", "AZ", "Baku Digital Hub", ["OPEN_TECH"], "ru,en", "limited"),
    ("Joseph Mutua", "KE", "iHub Nairobi", ["ENTREPRENEURSHIP", "PARTNERSHIPS"], "en", "available"),
    ("Camille Lefèvre", "FR", "Sandbox Lab Paris", ["POLICY", "OPEN_TECH"], "fr,en", "available"),
    (
        "Nour El-Sayed",
        "EG",
        "Cairo Innovation Institute",
        ["COMMUNICATION", "ECOSYSTEM"],
        "ar,en,fr",
        "available",
    ),
    (
        "Priya Raman",
        "IN",
        "Global Innovation Centre, New Delhi",
        ["FORESIGHT", "ECOSYSTEM"],
        "en",
        "limited",
    ),
    (
        "Tomás Herrera",
        "CO",
        "Andean start-up network",
        ["ENTREPRENEURSHIP"],
        "es,en",
        "unavailable",
    ),
    (
        "Mei Lin Zhou",
        "SG",
        "Regional venture studio",
        ["PARTNERSHIPS", "ENTREPRENEURSHIP"],
        "zh,en",
        "available",
    ),
    (
        "Kofi Mensah",
        "GH",
        "Accra digital policy forum",
        ["POLICY", "COMMUNICATION"],
        "en,fr",
        "available",
    ),
]
APPLICANTS = [
    ("Samira Benali", "MA", "Casablanca Tech Park", ["ECOSYSTEM"], "ar,fr", "available"),
    (
        "Daniel Okoro",
        "NG",
        "Lagos founders' collective",
        ["ENTREPRENEURSHIP", "COMMUNICATION"],
        "en",
        "limited",
    ),
]


def _seat(ctx, name, title, country, org_name, category, role, org_key, **extra):
    defaults = {
        "title": title,
        "country": country,
        "organisation_name": org_name,
        "category": category,
        "role": role,
        "term_end": TERM_END,
        "nominating_organisation": ctx.organisations.get(org_key) if org_key else None,
        "email": f"{name.split()[0].lower()}@board.demo.alliance.test",
        **extra,
    }
    member, _ = BoardMember.objects.update_or_create(
        full_name=name, term_start=extra.pop("term_start", TERM_START), defaults=defaults
    )
    return member


def seed_members(ctx) -> dict:
    director, board_user = ctx.users["director"], ctx.users["board"]
    seats = {
        "chair": _seat(
            ctx,
            director.full_name,
            "Director, Telecommunication Development Bureau (BDT)",
            "",
            "International Telecommunication Union",
            "leader",
            "chair",
            None,
            term_end=None,
            user=director,
            email=director.email,
        ),
        "board": _seat(
            ctx,
            board_user.full_name,
            "Director General",
            "MW",
            "Malawi Communications Regulatory Authority",
            "sector_member",
            "member",
            "macra",
            user=board_user,
            email=board_user.email,
        ),
    }
    for row in MEMBERS:
        seats[row[0]] = _seat(ctx, *row)
    # Past members: a resignation and a term that ended, with their successors.
    _seat(
        ctx,
        "Farhan Qureshi",
        "Minister of State for IT and Telecommunication",
        "PK",
        "Ministry of IT and Telecommunication",
        "member_state",
        "member",
        None,
        status="resigned",
        ended_on=date(2025, 6, 30),
        end_reason="Left government office",
    )
    _seat(
        ctx,
        "Sana Rehman",
        "Federal Secretary, Ministry of IT and Telecommunication",
        "PK",
        "Ministry of IT and Telecommunication",
        "member_state",
        "member",
        None,
        term_start=date(2025, 9, 1),
    )
    _seat(
        ctx,
        "Paulo Cardoso",
        "President, National Telecommunications Agency (Anatel)",
        "BR",
        "Anatel",
        "member_state",
        "member",
        None,
        term_end=date(2025, 11, 30),
        status="ended",
        ended_on=date(2025, 11, 30),
    )
    _seat(
        ctx,
        "Mariana Albuquerque",
        "President, National Telecommunications Agency (Anatel)",
        "BR",
        "Anatel",
        "member_state",
        "member",
        None,
        term_start=date(2025, 12, 1),
        term_end=date(2028, 11, 30),
    )
    board_user.groups.add(Group.objects.get(name=StaffRole.BOARD_MEMBER.value))
    return seats


def _expert(name, country, org, areas, languages, availability, status):
    expert, _ = Expert.objects.update_or_create(
        email=f"{name.split()[0].lower()}@experts.demo.alliance.test",
        defaults={
            "full_name": name,
            "country": country,
            "organisation_name": org,
            "expertise": f"Works with {org} on innovation ecosystems.",
            "languages": Expert.pack_languages(languages.split(",")),
            "availability": availability,
            "status": status,
        },
    )
    expert.areas.set(ExpertArea.objects.filter(code__in=areas))


def seed_experts(ctx):
    for row in EXPERTS:
        _expert(*row, status="approved")
    for row in APPLICANTS:
        _expert(*row, status="applied")
    Expert.objects.get_or_create(
        email="invited@experts.demo.alliance.test",
        defaults={"full_name": "Lucía Fernández", "status": "invited", "invitation_token": "demo"},
    )


def seed_nomination(ctx):
    signatory, macra = ctx.users["macra_signatory"], ctx.organisations["macra"]
    if Nomination.objects.filter(nominee_email="chikondi@macra.demo.alliance.test").exists():
        return
    nomination = Nomination(
        organisation=macra,
        submitted_by=signatory,
        nominee_name="Chikondi Mvula",
        nominee_title="Deputy Director General",
        nominee_email="chikondi@macra.demo.alliance.test",
        biography="Leads MACRA's work on digital innovation and the national acceleration centre.",
        proposed_term_start=TERM_END + timedelta(days=1),
        proposed_term_end=TERM_END + timedelta(days=3 * 365),
    )
    nomination.cv.save("cv-chikondi-mvula.txt", ContentFile(b"CV of Chikondi Mvula"), save=False)
    nomination.save()


def seed(ctx):
    seats = seed_members(ctx)
    seed_meetings(ctx, seats)
    seed_experts(ctx)
    seed_nomination(ctx)
