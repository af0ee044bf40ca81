from django import template

from wortal.admin_dashboard import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def attention_panels(context):
    return panels_for(context["request"])


@register.simple_tag
def field_label(opts, name):
    """A model field's label for the history list ("nazwa", not "name")."""
    try:
        return opts.get_field(name).verbose_name
    except Exception:  # a field removed since the version was recorded
        return name
