from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from newsletter.forms import CONSENT_TEXT, SubscribeForm
from newsletter.models import Subscriber, Topic
from newsletter.ratelimits import limit_subscriptions


def _send_confirmation(subscriber):
    context = {"subscriber": subscriber, "site_url": settings.SITE_URL}
    if subscriber.confirmed_at:
        template, subject = (
            "newsletter/email/already_subscribed.txt",
            _("Jesteś już zapisany(-a) na newsletter"),
        )
    else:
        template, subject = "newsletter/email/confirm.txt", _("Potwierdź zapis na newsletter")
    send_mail("[Wortal ES] " + subject, render_to_string(template, context), None, [subscriber.email])


@require_http_methods(["GET", "POST"])
@limit_subscriptions
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if getattr(request, "limited", False):
            status = 429
            form.add_error(
                None, _("Zbyt wiele zapisów z tego adresu w krótkim czasie. Spróbuj ponownie później.")
            )
        elif form.is_valid():
            Subscriber.objects.expired_unconfirmed().delete()
            subscriber = _subscribe(form.cleaned_data)
            _send_confirmation(subscriber)
            # The same answer whether or not the address was already subscribed: nobody learns who is.
            return render(request, "newsletter/check_inbox.html", {"email": subscriber.email})
        else:
            status = 400
    return render(request, "newsletter/subscribe.html", {"form": form}, status=status)


def _subscribe(data):
    """A new (or renewed, not yet confirmed) subscription; a confirmed one is left as it is."""
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            email=data["email"], defaults={"consent_text": str(CONSENT_TEXT)}
        )
        if subscriber.confirmed_at is None:
            for topic in Topic.values:
                setattr(subscriber, f"wants_{topic}", topic in data["topics"])
            subscriber.powiat = data["powiat"]
            subscriber.consent_text = str(CONSENT_TEXT)
            subscriber.subscribed_at = timezone.now()
            subscriber.save()
    return subscriber


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link from the confirmation e-mail opens a page; the button confirms (mail scanners only GET links)."""
    subscriber = get_object_or_404(Subscriber, token=token)
    if request.method == "POST":
        subscriber.confirm()
        return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # mail programs' one-click POST (RFC 8058) carries no CSRF token; the secret token authorises it
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST":
        # Deleting is the unsubscription: nothing about the person is kept. Unknown tokens end the same way.
        Subscriber.objects.filter(token=token).delete()
        return render(request, "newsletter/unsubscribed.html")
    subscriber = Subscriber.objects.filter(token=token).first()
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})
