import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from news.models import Film
from news.video import CaptionsFileField, VideoFileField, parse_video_url
from tests.factories import FilmFactory, image_upload

pytestmark = pytest.mark.django_db

MP4_HEAD = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBM_HEAD = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01" + b"\x00" * 64
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:02.000\nDzień dobry.\n".encode()


def uploaded_film(**attributes):
    return FilmFactory(
        external_url="",
        video_file=SimpleUploadedFile("film.mp4", MP4_HEAD),
        captions=SimpleUploadedFile("napisy.vtt", CAPTIONS),
        poster=image_upload(),
        poster_alt="Kadr z filmu",
        **attributes,
    )


def test_the_list_shows_published_films_only(client):
    FilmFactory(title="Partnerska interwencja")
    FilmFactory(title="Szkic filmu", is_published=False)
    response = client.get(reverse("news:film_list"))
    assert [film.title for film in response.context["page"].object_list] == ["Partnerska interwencja"]


def test_the_list_shows_an_empty_state(client):
    assert (
        "Nie opublikowaliśmy jeszcze żadnego filmu." in client.get(reverse("news:film_list")).content.decode()
    )


def test_the_list_query_count_does_not_grow(client, django_assert_num_queries):
    FilmFactory()
    client.get(reverse("news:film_list"))  # the site settings in the footer come from the cache from here on
    with django_assert_num_queries(2):
        client.get(reverse("news:film_list"))
    FilmFactory.create_batch(8)
    with django_assert_num_queries(2):
        client.get(reverse("news:film_list"))


def test_before_consent_the_page_loads_nothing_from_the_video_host(client):
    film = FilmFactory(title="Partnerska interwencja")
    html = client.get(film.get_absolute_url()).content.decode()
    assert "Odtwórz film z YouTube" in html
    assert '<input type="hidden" name="zgoda" value="1">' in html
    for address in ["youtube.com", "youtube-nocookie.com", "youtu.be", "ytimg", "googlevideo", "<iframe"]:
        assert address not in html
    assert "Narrator: tekst filmu." in html  # the transcript


def test_after_consent_the_privacy_enhanced_player_is_embedded(client):
    film = FilmFactory()
    html = client.get(film.get_absolute_url(), {"zgoda": "1"}).content.decode()
    assert '<iframe src="https://www.youtube-nocookie.com/embed/Xq3vR8pLm2A?rel=0"' in html
    assert "www.youtube.com" not in html
    assert 'title="Film: ' in html


def test_a_vimeo_film_uses_the_do_not_track_player_after_consent(client):
    film = FilmFactory(external_url="https://vimeo.com/76979871")
    before = client.get(film.get_absolute_url()).content.decode()
    assert "vimeo.com" not in before and "Odtwórz film z Vimeo" in before
    after = client.get(film.get_absolute_url(), {"zgoda": "1"}).content.decode()
    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in after


def test_the_policy_allows_frames_only_from_the_privacy_enhanced_hosts(client):
    policy = client.get(FilmFactory().get_absolute_url(), {"zgoda": "1"}).headers["Content-Security-Policy"]
    assert "frame-src https://www.youtube-nocookie.com https://player.vimeo.com" in policy


def test_the_consent_script_is_a_static_file_not_inline_code(client):
    html = client.get(FilmFactory().get_absolute_url()).content.decode()
    assert '<script src="/static/js/video-consent.js" defer></script>' in html
    assert html.count("<script") == 1
    assert " onclick=" not in html and " style=" not in html


def test_an_uploaded_film_plays_in_a_video_element_with_captions(client):
    film = uploaded_film()
    html = client.get(film.get_absolute_url()).content.decode()
    assert "<video" in html and 'type="video/mp4"' in html
    assert '<track kind="captions" src="/media/films/captions/' in html and 'srclang="pl"' in html
    assert 'poster="/media/cache/' in html
    assert "Odtwórz film z" not in html


def test_a_draft_film_is_404_for_the_public_and_a_preview_for_editors(client, editor):
    film = FilmFactory(is_published=False)
    assert client.get(film.get_absolute_url()).status_code == 404
    client.force_login(editor)
    assert "Podgląd dla redakcji" in client.get(film.get_absolute_url()).content.decode()


def test_it_refuses_post(client):
    assert client.post(FilmFactory().get_absolute_url()).status_code == 405


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=Xq3vR8pLm2A", ("youtube", "Xq3vR8pLm2A")),
        ("https://youtu.be/Xq3vR8pLm2A?t=10", ("youtube", "Xq3vR8pLm2A")),
        ("https://www.youtube.com/embed/Xq3vR8pLm2A", ("youtube", "Xq3vR8pLm2A")),
        ("https://www.youtube.com/shorts/Xq3vR8pLm2A", ("youtube", "Xq3vR8pLm2A")),
        ("https://vimeo.com/76979871", ("vimeo", "76979871")),
        ("https://player.vimeo.com/video/76979871", ("vimeo", "76979871")),
    ],
)
def test_it_recognises_youtube_and_vimeo_addresses(url, expected):
    assert parse_video_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/film",
        "https://www.youtube.com/watch?v=<script>",
        "https://www.youtube.com/",
        "javascript:alert(1)",
        "https://vimeo.com/kanal",
    ],
)
def test_it_refuses_other_addresses_in_polish(url):
    with pytest.raises(ValidationError) as error:
        parse_video_url(url)
    assert "film" in error.value.messages[0]


def test_a_film_needs_exactly_one_source():
    neither = FilmFactory.build(external_url="")
    with pytest.raises(ValidationError) as error:
        neither.clean()
    assert "external_url" in error.value.message_dict


def test_an_uploaded_film_needs_captions_and_a_poster():
    film = Film(title="Bez napisów", video_file="films/video/x.mp4")
    with pytest.raises(ValidationError) as error:
        film.clean()
    assert {"captions", "poster"} <= set(error.value.message_dict)


@pytest.mark.parametrize(("head", "kind"), [(MP4_HEAD, "mp4"), (WEBM_HEAD, "webm")])
def test_video_uploads_are_recognised_by_content(head, kind):
    upload = VideoFileField().clean(SimpleUploadedFile("cokolwiek.bin", head))
    assert upload.name == f"film.{kind}"


@pytest.mark.parametrize(
    "content", [b"<html><script>alert(1)</script></html>", b"GIF89a" + b"\x00" * 40, b"ftyp"]
)
def test_other_files_posing_as_video_are_refused(content):
    with pytest.raises(ValidationError) as error:
        VideoFileField().clean(SimpleUploadedFile("film.mp4", content))
    assert error.value.messages == ["Dozwolone są tylko filmy MP4 i WebM."]


def test_video_size_is_limited_by_a_setting(settings):
    settings.VIDEO_UPLOAD_MAX_BYTES = 50
    with pytest.raises(ValidationError) as error:
        VideoFileField().clean(SimpleUploadedFile("film.mp4", MP4_HEAD))
    assert "za duży" in error.value.messages[0]


def test_video_size_defaults_to_500_mb():
    from wortal import settings as project_settings

    assert project_settings.VIDEO_UPLOAD_MAX_BYTES == 500 * 1024 * 1024


def test_captions_must_be_webvtt():
    assert (
        CaptionsFileField().clean(SimpleUploadedFile("n.vtt", b"\xef\xbb\xbf" + CAPTIONS)).name
        == "napisy.vtt"
    )
    for bad in [b"1\n00:00:00,000 --> 00:00:02,000\nSRT\n", b"WEBVTTX\n", "WEBVTT".encode("utf-16")]:
        with pytest.raises(ValidationError):
            CaptionsFileField().clean(SimpleUploadedFile("n.vtt", bad))


def test_the_admin_refuses_a_fake_video_with_a_polish_error(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_film_add"),
        {
            "title": "Film",
            "published_at_0": "2025-01-01",
            "published_at_1": "10:00",
            "captions_language": "pl",
            "video_file": SimpleUploadedFile("film.mp4", b"to nie jest film"),
        },
    )
    assert response.status_code == 200
    assert "Dozwolone są tylko filmy MP4 i WebM." in response.content.decode()
    assert not Film.objects.exists()


def test_an_editor_adds_an_uploaded_film_in_the_admin(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_film_add"),
        {
            "title": "Film z pliku",
            "is_published": "on",
            "published_at_0": "2025-01-01",
            "published_at_1": "10:00",
            "captions_language": "pl",
            "video_file": SimpleUploadedFile("moj film.webm", WEBM_HEAD),
            "captions": SimpleUploadedFile("napisy.vtt", CAPTIONS),
            "poster": image_upload(),
            "poster_alt": "Kadr",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    film = Film.objects.get()
    assert film.video_file.name.startswith("films/video/") and film.video_file.name.endswith(".webm")
    assert "moj" not in film.video_file.name


def test_an_uploaded_film_shows_its_duration_and_og_image(client):
    import datetime

    film = uploaded_film(duration=datetime.timedelta(minutes=4, seconds=5))
    html = client.get(film.get_absolute_url()).content.decode()
    assert "czas trwania 4:05" in html
    assert '<meta property="og:image" content="http://testserver/media/cache/' in html
