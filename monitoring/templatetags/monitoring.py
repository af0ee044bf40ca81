from django import template
from django.template.defaultfilters import floatformat

from monitoring.models import Report

register = template.Library()


@register.filter
def figure(value, digits=-1):
    """A published number in Polish style, or a dash where there is none."""
    if value is None or value == "":
        return "—"
    return floatformat(value, f"-{abs(int(digits))}g")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def signed(value):
    if value is None:
        return "—"
    text = floatformat(value, "1")
    return f"+{text}" if value > 0 else text


@register.inclusion_tag("monitoring/includes/account_panel.html", takes_context=True)
def monitoring_account_panel(context):
    """The person's organisations' questionnaires, for the "Moje konto" page."""
    user = context["request"].user
    reports = (
        Report.objects.of_member(user)
        .exclude(round__state="draft")
        .select_related("round", "entity")
        .order_by("-round__year", "entity__name")[:10]
    )
    return {"reports": reports}
