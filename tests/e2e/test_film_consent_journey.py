"""Journey 5: a film from YouTube stays behind a consent gate; nothing is requested from the video host until
the visitor presses the button, with or without JavaScript."""

from urllib.parse import urlsplit

import pytest

from tests import factories
from tests.e2e.browser import expect, screenshot

VIDEO_HOSTS = ("youtube", "ytimg", "googlevideo", "vimeo", "vimeocdn")


@pytest.fixture
def film():
    return factories.FilmFactory(
        title="Partnerska interwencja", external_url="https://www.youtube.com/watch?v=Xq3vR8pLm2A"
    )


@pytest.fixture
def outside_requests(page, live_server):
    """Every request that leaves the site. They are answered by a stand-in page: the tests run offline."""
    site = urlsplit(live_server.url).netloc
    seen = []

    def handle(route):
        if urlsplit(route.request.url).netloc == site:
            route.continue_()
        else:
            route.fulfill(status=200, content_type="text/html", body="<title>odtwarzacz</title>")

    page.on("request", lambda request: urlsplit(request.url).netloc != site and seen.append(request.url))
    page.route("**/*", handle)
    return seen


def to_video_host(requests):
    return [url for url in requests if any(host in urlsplit(url).netloc for host in VIDEO_HOSTS)]


def test_the_player_loads_from_youtube_only_after_consent(page, viewport, film, outside_requests):
    page.goto(film.get_absolute_url())
    page.wait_for_load_state("networkidle")

    expect(page.get_by_role("heading", level=1)).to_have_text("Partnerska interwencja")
    expect(page.get_by_text("Do tego czasu strona nie łączy się z tym serwisem.")).to_be_visible()
    assert page.locator("iframe").count() == 0
    html = page.content()
    assert not [
        address for address in ("youtube.com", "youtube-nocookie.com", "ytimg.com") if address in html
    ]
    assert outside_requests == [], "Nothing may leave the site before consent."
    screenshot(page, "journey-film-consent-gate", viewport)

    # Wait for the player's own request: it starts only after the click, so "network idle" could come first.
    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.get_by_role("button", name="Odtwórz film z YouTube").click()

    player = page.locator("iframe[title='Film: Partnerska interwencja']")
    expect(player).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/Xq3vR8pLm2A?rel=0&autoplay=1"
    )
    expect(player).to_be_focused()
    assert to_video_host(outside_requests)
    assert all(urlsplit(url).netloc == "www.youtube-nocookie.com" for url in outside_requests), (
        outside_requests
    )
    assert page.console_errors == []


@pytest.mark.parametrize(("viewport", "javascript"), [("desktop", False)])
def test_without_javascript_the_button_reloads_the_page_with_the_player(page, film, outside_requests):
    page.goto(film.get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert outside_requests == []

    with page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        page.get_by_role("button", name="Odtwórz film z YouTube").click()

    expect(page).to_have_url(f"{page.url.split('?')[0]}?zgoda=1")
    expect(page.locator("iframe")).to_have_attribute(
        "src", "https://www.youtube-nocookie.com/embed/Xq3vR8pLm2A?rel=0"
    )
    assert outside_requests and all("youtube-nocookie.com" in url for url in outside_requests)
