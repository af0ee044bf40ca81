from django.conf import settings
from django.contrib import messages
from django.core.mail import EmailMessage
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from news.models import Page
from office.forms import ContactForm
from office.models import SiteSettings
from office.ratelimits import limit_contact
from wortal.cache import public_page


def _send_contact_message(recipient, data, request):
    body = render_to_string("office/email/contact_message.txt", {"data": data, "site_url": settings.SITE_URL})
    EmailMessage(
        subject=_("[Wortal ES] Formularz kontaktowy: %(subject)s") % {"subject": data["subject"]},
        body=body,
        to=[recipient],
        # The reply goes to the sender; the message carries no other personal data than what they typed.
        reply_to=[data["email"]],
    ).send()


@require_http_methods(["GET", "POST"])
@limit_contact
def contact(request):
    site = SiteSettings.get_solo()
    form = ContactForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if getattr(request, "limited", False):
            messages.error(
                request, _("Wysłano zbyt wiele wiadomości w krótkim czasie. Spróbuj ponownie później.")
            )
            status = 429
        elif not site.contact_form_recipient:
            status = 404
        elif form.is_valid():
            _send_contact_message(site.contact_form_recipient, form.cleaned_data, request)
            messages.success(
                request, _("Dziękujemy, wiadomość została wysłana. Odpowiemy na podany adres e-mail.")
            )
            return redirect("office:contact")
        else:
            status = 400
    return render(request, "office/contact.html", {"form": form, "site": site}, status=status)


@public_page
@require_safe
def privacy(request):
    return render(request, "office/privacy.html", {"site": SiteSettings.get_solo()})


@public_page
@require_safe
def accessibility_statement(request):
    """The editors' text (news.Page) framed by the fields the statement's legal template requires."""
    page = get_object_or_404(Page, key=Page.Key.ACCESSIBILITY)
    return render(request, "office/accessibility.html", {"page": page, "site": SiteSettings.get_solo()})
