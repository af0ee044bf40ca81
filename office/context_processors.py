from django.utils.functional import SimpleLazyObject

from office.models import SiteSettings


def site_settings(request):
    """The operator's identity and the funding bar for every template, as ``site_settings``.

    Lazy, so a response that does not show it (a redirect, a JSON view) costs nothing; otherwise it comes
    from the cache (django-solo, SOLO_CACHE), refreshed when editors save the settings.
    """
    return {"site_settings": SimpleLazyObject(SiteSettings.get_solo)}
