"""/otwarte-dane/: what the portal publishes as open data, in which formats, under which licence and how
fresh, with a DCAT-AP description (JSON-LD) that data portals such as dane.gov.pl can harvest."""

from django.conf import settings
from django.db.models import Count, Max
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from entities.models import Entity
from wortal.cache import public_page
from wortal.licence import data_licence

FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"


def distributions() -> list[dict]:
    """Each way to get the registry: (title, address, format code, media type, description)."""
    site = settings.SITE_URL
    return [
        {
            "title": "CSV",
            "url": site + reverse("entities:export", args=["csv"]),
            "format": "CSV",
            "media_type": "text/csv",
            "description": "Jeden wiersz na podmiot, UTF-8, separator przecinek; kolumny licencja i stan_na.",
        },
        {
            "title": "JSON",
            "url": site + reverse("entities:export", args=["json"]),
            "format": "JSON",
            "media_type": "application/json",
            "description": "Obiekt z licencją, datą stanu danych i listą podmiotów (te same pola co CSV).",
        },
        {
            "title": "GeoJSON",
            "url": site + reverse("entities:map_geojson") + "?zoom=19",
            "format": "GEOJSON",
            "media_type": "application/geo+json",
            "description": "Położenie podmiotów dla map (skupiska przy małym przybliżeniu; parametry bbox i zoom).",
        },
        {
            "title": "API (JSON, OpenAPI 3)",
            "url": site + reverse("api:schema"),
            "format": "JSON",
            "media_type": "application/vnd.oai.openapi+json",
            "description": "Podmioty, inicjatywy, aktualności, filmy i wydarzenia; filtry, modified_after, strony.",
        },
        {
            "title": "RSS",
            "url": site + reverse("entities:rss"),
            "format": "RSS",
            "media_type": "application/rss+xml",
            "description": "Nowo opublikowane podmioty; parametry powiat i forma.",
        },
    ]


def dcat_catalog(modified, licence) -> dict:
    """The registry as a DCAT-AP catalogue with one dataset and its distributions (JSON-LD)."""
    site = settings.SITE_URL
    publisher = {"@type": "foaf:Agent", "foaf:name": settings.OPEN_DATA_PUBLISHER}
    dataset = {
        "@id": site + reverse("entities:list"),
        "@type": "dcat:Dataset",
        "dct:title": {"@language": "pl", "@value": "Baza podmiotów ekonomii społecznej w Małopolsce"},
        "dct:description": {
            "@language": "pl",
            "@value": "Spółdzielnie socjalne, fundacje, stowarzyszenia, CIS, KIS, WTZ, ZAZ i inne podmioty "
            "ekonomii społecznej województwa małopolskiego: dane rejestrowe (NIP, REGON, KRS), adresy z kodami "
            "TERYT, położenie, branże i status przedsiębiorstwa społecznego. Bez danych osób kontaktowych.",
        },
        "dct:publisher": publisher,
        "dct:license": {"@id": licence["url"]},
        "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/POL"},
        "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/atu/POL_12"},
        "dct:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/CONT"},
        "dcat:keyword": [
            "ekonomia społeczna",
            "spółdzielnia socjalna",
            "przedsiębiorstwo społeczne",
            "Małopolska",
        ],
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/SOCI"},
        "dcat:landingPage": {"@id": site + reverse("open_data")},
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dct:title": item["title"],
                "dct:description": {"@language": "pl", "@value": item["description"]},
                "dcat:accessURL": {"@id": item["url"]},
                "dcat:downloadURL": {"@id": item["url"]},
                "dct:format": {"@id": FILE_TYPES + item["format"]},
                "dcat:mediaType": {"@id": MEDIA_TYPES + item["media_type"]},
                "dct:license": {"@id": licence["url"]},
            }
            for item in distributions()
        ],
    }
    if modified:
        dataset["dct:modified"] = {"@type": "xsd:dateTime", "@value": modified.isoformat()}
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": site + reverse("open_data") + "#katalog",
        "@type": "dcat:Catalog",
        "dct:title": {"@language": "pl", "@value": "Otwarte dane Małopolskiego Wortalu Ekonomii Społecznej"},
        "dct:description": {"@language": "pl", "@value": "Dane portalu do ponownego wykorzystania."},
        "dct:publisher": publisher,
        "dct:license": {"@id": licence["url"]},
        "foaf:homepage": {"@id": site + "/"},
        "dcat:dataset": [dataset],
    }


@public_page
@require_safe
def open_data(request):
    registry = Entity.objects.published().aggregate(count=Count("pk"), modified=Max("updated_at"))
    licence = data_licence()
    return render(
        request,
        "api/open_data.html",
        {
            "licence": licence,
            "publisher": settings.OPEN_DATA_PUBLISHER,
            "registry": registry,
            "distributions": distributions(),
            "dcat": dcat_catalog(registry["modified"], licence),
        },
    )
