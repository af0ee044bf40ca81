from django import template

from wortal.admin_dashboard import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def attention_panels(context):
    return panels_for(context["request"])
