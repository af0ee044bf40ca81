import json
import re

import pytest

from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def dcat(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def test_the_page_names_the_licence_formats_and_freshness(client):
    EntityFactory()
    response = client.get("/otwarte-dane/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "CC BY 4.0" in html and 'rel="license"' in html
    for address in [
        "/podmioty/eksport.csv",
        "/podmioty/eksport.json",
        "/api/v1/openapi.json",
        "/podmioty/nowe/rss/",
    ]:
        assert address in html
    assert "ostatnia zmiana w bazie" in html


def test_it_carries_a_dcat_ap_description(client, settings):
    settings.OPEN_DATA_LICENCE_NAME, settings.OPEN_DATA_LICENCE_URL = "CC0 1.0", "https://example.org/cc0"
    EntityFactory()
    catalog = dcat(client.get("/otwarte-dane/").content.decode())
    assert catalog["@type"] == "dcat:Catalog"
    [dataset] = catalog["dcat:dataset"]
    assert dataset["@type"] == "dcat:Dataset" and dataset["dct:license"] == {"@id": "https://example.org/cc0"}
    assert "dct:modified" in dataset
    formats = {d["dct:format"]["@id"].rsplit("/", 1)[1] for d in dataset["dcat:distribution"]}
    assert {"CSV", "JSON", "GEOJSON", "RSS"} <= formats
    assert all(d["dct:license"] == {"@id": "https://example.org/cc0"} for d in dataset["dcat:distribution"])
