"""RSS of entities newly published in the registry, optionally for one powiat and one legal form.

"New" is the order of entry into the registry (``created_at``): an entity proposed by an organisation is
created when proposed and appears here once an editor publishes it.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from entities.models import Entity, LegalForm, Powiat

FEED_SIZE = 30


class NewEntitiesFeed(Feed):
    language = "pl"

    def get_object(self, request):
        powiat_code, form = request.GET.get("powiat", ""), request.GET.get("forma", "")
        powiat = Powiat.objects.filter(teryt=powiat_code).first() if powiat_code else None
        if (powiat_code and powiat is None) or (form and form not in LegalForm.values):
            raise Http404(_("Nie ma takiego powiatu albo formy prawnej."))
        return {"powiat": powiat, "forma": form}

    def title(self, obj):
        parts = [_("Nowe podmioty ekonomii społecznej")]
        if obj["forma"]:
            parts.append(str(LegalForm(obj["forma"]).label))
        if obj["powiat"]:
            parts.append(str(obj["powiat"]))
        return " – ".join(parts) + " | " + _("Małopolski Wortal Ekonomii Społecznej")

    def link(self, obj):
        query = "&".join(
            f"{k}={v}"
            for k, v in (("powiat", obj["powiat"] and obj["powiat"].teryt), ("forma", obj["forma"]))
            if v
        )
        return reverse("entities:list") + (f"?{query}" if query else "")

    def description(self, obj):
        return _("Podmioty ekonomii społecznej z Małopolski, które właśnie pojawiły się w bazie.")

    def items(self, obj):
        entities = Entity.objects.published().select_related("gmina__powiat")
        if obj["powiat"]:
            entities = entities.for_powiat(obj["powiat"])
        if obj["forma"]:
            entities = entities.filter(legal_form=obj["forma"])
        return entities.order_by("-created_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.name

    def item_description(self, item):
        return f"{item.get_legal_form_display()}, {item.town} ({item.gmina.powiat}). {item.description[:300]}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(item.get_legal_form_display()), str(item.gmina.powiat)]
