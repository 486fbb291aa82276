"""The demo data set, one module per app (`seed(ctx)`), and the helpers they share."""

from dataclasses import dataclass, field

from allauth.account.models import EmailAddress

from alliance.accounts.models import User

DEMO_PASSWORD = "alliance-demo-2026"


@dataclass
class DemoContext:
    sign_ins: list[tuple[str, str]] = field(default_factory=list)
    users: dict = field(default_factory=dict)
    organisations: dict = field(default_factory=dict)


def demo_user(ctx: DemoContext, key: str, email: str, full_name: str, label: str, **extra):
    """A verified demo account (allauth's EmailAddress row marks it verified)."""
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": full_name, **extra}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    ctx.users[key] = user
    ctx.sign_ins.append((label, email))
    return user
