"""django-allauth's adapter with the portal's name in every e-mail.

Without the sites framework allauth names the site after the request's host ("Witamy z 127.0.0.1"), so the
texts in templates/account/email/ use ``site_name`` and ``site_url`` from the settings instead.
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        context = {**context, "site_name": settings.SITE_NAME, "site_url": settings.SITE_URL}
        return super().send_mail(template_prefix, email, context)
