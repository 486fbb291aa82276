"""What the kernel announces after a change commits.

The kernel sits in `core`, below the apps that send messages; it does not know who
listens. The notifications app connects to `committed` and looks the verb up in its
registry.
"""

from dataclasses import dataclass, field

from django.dispatch import Signal

# Sent once per kernel write, after the transaction commits, with `event=Event(...)`.
committed = Signal()


@dataclass(frozen=True)
class Event:
    verb: str
    model: str  # "app_label.ModelName"
    pk: int | str
    actor_id: int | None = None
    # JSON-serialisable details the messages need (a reason, a number of days...).
    context: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "verb": self.verb,
            "model": self.model,
            "pk": self.pk,
            "actor_id": self.actor_id,
            "context": self.context,
        }
