"""What needs the editors' attention, shown on the admin home page.

The home page lists the panels returned by the functions in ``ATTENTION_PROVIDERS``, in order. A provider
takes the request and returns a ``Panel`` or ``None`` (nothing to show, or no permission to see it). Other
apps add their own with ``@attention_provider``: the organisations' moderation (issue 3) is expected to add
pending proposals, claims and changes this way, without touching this module or the template.
Each provider should cost a fixed number of queries.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

ATTENTION_PROVIDERS = []
ITEMS_PER_PANEL = 10


@dataclass
class Item:
    label: str
    url: str = ""
    detail: str = ""


@dataclass
class Panel:
    title: str
    count: int
    items: list[Item] = field(default_factory=list)
    more_url: str = ""
    more_label: str = ""
    empty_text: str = ""


def attention_provider(function):
    ATTENTION_PROVIDERS.append(function)
    return function


def panels_for(request) -> list[Panel]:
    return [panel for provider in ATTENTION_PROVIDERS if (panel := provider(request)) is not None]


def _changelist(model_label, **params):
    url = reverse(f"admin:{model_label}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


@attention_provider
def entities_to_verify(request):
    from entities.models import Entity

    if not request.user.has_perm("entities.change_entity"):
        return None
    overdue = Entity.objects.verification_overdue().exclude(state=Entity.State.ARCHIVED)
    oldest = overdue.order_by("last_verified_on", "name").only("pk", "name", "last_verified_on")
    items = [
        Item(
            entity.name,
            reverse("admin:entities_entity_change", args=[entity.pk]),
            _("nigdy") if entity.last_verified_on is None else entity.last_verified_on.strftime("%d.%m.%Y"),
        )
        for entity in oldest[:ITEMS_PER_PANEL]
    ]
    return Panel(
        _("Podmioty niezweryfikowane od ponad 12 miesięcy (lub nigdy)"),
        overdue.count(),
        items,
        _changelist("entities_entity", weryfikacja="nieaktualna"),
        _("Wszystkie do weryfikacji"),
        _("Wszystkie dane są aktualne."),
    )


@attention_provider
def events_this_week(request):
    from news.models import Event

    if not request.user.has_perm("news.view_event"):
        return None
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
    end = start + datetime.timedelta(days=7)
    events = Event.objects.filter(start__lt=end, end__gte=start).order_by("start", "pk")
    items = [
        Item(
            event.title,
            reverse("admin:news_event_change", args=[event.pk]),
            timezone.localtime(event.start).strftime("%d.%m %H:%M")
            + ("" if event.is_published else f" ({_('nieopublikowane')})"),
        )
        for event in events[:ITEMS_PER_PANEL]
    ]
    return Panel(
        _("Wydarzenia w tym tygodniu"),
        len(items) if len(items) < ITEMS_PER_PANEL else events.count(),
        items,
        _changelist(
            "news_event",
            start__gte=monday.isoformat(),
            start__lt=(monday + datetime.timedelta(7)).isoformat(),
        ),
        _("Lista wydarzeń"),
        _("W tym tygodniu nie ma wydarzeń."),
    )


def _state_counts(model, label, app_model):
    counts = dict(model.objects.values_list("state").annotate(n=Count("pk")).order_by())
    items = [
        Item(str(state_label), _changelist(app_model, state__exact=state), str(counts.get(state, 0)))
        for state, state_label in model.State.choices
    ]
    return Panel(label, sum(counts.values()), items, _changelist(app_model), _("Pełna lista"))


@attention_provider
def entities_per_state(request):
    from entities.models import Entity

    if not request.user.has_perm("entities.view_entity"):
        return None
    return _state_counts(Entity, _("Podmioty według stanu"), "entities_entity")


@attention_provider
def initiatives_per_state(request):
    from initiatives.models import Initiative

    if not request.user.has_perm("initiatives.view_initiative"):
        return None
    return _state_counts(Initiative, _("Inicjatywy według stanu"), "initiatives_initiative")
