"""Journey 4: an editor publishes a news post and a film with captions in the admin; the home page shows both,
the film plays with its captions track, and the RSS feed lists the post."""

import re

import feedparser
import pytest

from news.models import Film, Post
from tests import factories
from tests.e2e.browser import expect, screenshot
from tests.e2e.content import CAPTIONS, MP4_BYTES


def upload(name, mime, data):
    return {"name": name, "mimeType": mime, "buffer": data}


def jpeg():
    image = factories.image_upload("kadr.jpg", color="#2a6f4e")
    return upload("kadr.jpg", "image/jpeg", image.read())


@pytest.fixture
def editor():
    return factories.verified_email(factories.EditorFactory())


def sign_in(page, editor):
    # The admin sends staff to the accounts' sign-in (allauth), which brings them back to the panel.
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/konto/login/\?next="))
    page.get_by_label("Adres e-mail").fill(editor.email)
    page.get_by_label("Hasło").fill("haslo-testowe-123")
    page.get_by_role("main").get_by_role("button", name="Zaloguj", exact=True).click()
    expect(page.get_by_role("heading", name="Rejestr i treści")).to_be_visible()


def test_an_editor_publishes_a_post_and_a_film_and_visitors_see_them(page, viewport, editor):
    sign_in(page, editor)

    page.goto("/admin/news/post/add/")
    page.get_by_label("Tytuł").fill("Nabór do Małopolskiego Paktu")
    page.get_by_label("Opublikowany").check()
    page.get_by_label("Lead").fill("Organizacje mogą zgłaszać się do paktu do końca miesiąca.")
    # The rich-text editor (its editable area is named by the field's label).
    page.get_by_role("textbox", name="Treść").fill("Szczegóły naboru.")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("został(a)(-ło) dodany(-na)(-ne) pomyślnie")
    assert Post.objects.published().filter(title="Nabór do Małopolskiego Paktu").exists()

    page.goto("/admin/news/film/add/")
    page.get_by_label("Tytuł").fill("Dzień w spółdzielni socjalnej")
    page.get_by_label("Opublikowany").check()
    page.get_by_label("Plik wideo").set_input_files(upload("film.mp4", "video/mp4", MP4_BYTES))
    page.get_by_label("Kadr (plakat)").set_input_files(jpeg())
    page.get_by_label("Tekst alternatywny kadru").fill("Pracownicy spółdzielni przy stole")
    page.get_by_label("Napisy (WebVTT)").set_input_files(upload("napisy.vtt", "text/vtt", CAPTIONS))
    page.get_by_label("Transkrypcja").fill("Narrator: dzień zaczyna się o siódmej.")
    page.get_by_role("button", name="Zapisz", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("został(a)(-ło) dodany(-na)(-ne) pomyślnie")
    film = Film.objects.published().get(title="Dzień w spółdzielni socjalnej")
    assert film.captions and film.video_file

    # Signed out, the editor sees what every visitor sees.
    page.context.clear_cookies()
    page.goto("/")
    expect(page.get_by_role("region", name="Najnowsze aktualności")).to_contain_text(
        "Nabór do Małopolskiego Paktu"
    )
    expect(page.get_by_role("region", name="Najnowszy film")).to_contain_text("Dzień w spółdzielni socjalnej")
    expect(page.get_by_role("img", name="Pracownicy spółdzielni przy stole")).to_be_visible()
    screenshot(page, "journey-home-with-new-content", viewport)

    page.get_by_role("link", name="Dzień w spółdzielni socjalnej").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dzień w spółdzielni socjalnej")
    expect(page.locator(".preview-banner")).to_have_count(0)
    track = page.locator("video track[kind='captions']")
    expect(track).to_have_attribute("srclang", "pl")
    captions = page.request.get(track.get_attribute("src"))
    assert captions.ok and captions.text().startswith("WEBVTT")
    expect(page.get_by_role("region", name="Transkrypcja")).to_contain_text("dzień zaczyna się o siódmej")

    feed = feedparser.parse(page.request.get("/aktualnosci/rss/").body())
    assert [entry.title for entry in feed.entries] == ["Nabór do Małopolskiego Paktu"]
    assert feed.entries[0].link.endswith("/aktualnosci/nabor-do-malopolskiego-paktu/")
    assert page.console_errors == []
