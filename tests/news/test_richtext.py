import pytest
from django.urls import reverse

from tests.factories import PostFactory
from wortal.richtext import plain_text, sanitize_html

DANGEROUS = (
    '<h2>Tytuł</h2><p onclick="alert(1)">Akapit <strong>ważny</strong> i <em>ładny</em></p>'
    '<script>alert("x")</script><iframe src="https://evil.example/"></iframe>'
    '<a href="javascript:alert(1)">zły link</a> <a href="https://example.org/" target="_blank">dobry link</a>'
    '<img src="x" onerror="alert(1)"><style>body{}</style><blockquote>Cytat</blockquote>'
    '<ul><li>jeden</li></ul><ol><li>dwa</li></ol><a href="mailto:biuro@example.org">napisz</a><br>'
)


def test_it_keeps_headings_lists_links_emphasis_and_quotes():
    clean = sanitize_html(DANGEROUS)
    for kept in [
        "<h2>Tytuł</h2>",
        "<strong>ważny</strong>",
        "<em>ładny</em>",
        "<blockquote>Cytat</blockquote>",
        "<ul><li>jeden</li></ul>",
        "<ol><li>dwa</li></ol>",
        "<br>",
    ]:
        assert kept in clean


def test_it_removes_scripts_handlers_iframes_images_styles_and_javascript_links():
    clean = sanitize_html(DANGEROUS)
    for removed in [
        "<script",
        "alert",
        "onclick",
        "onerror",
        "<iframe",
        "evil.example",
        "<img",
        "<style",
        "javascript:",
        "target=",
    ]:
        assert removed not in clean


def test_links_keep_only_http_https_and_mailto_and_get_rel_noopener():
    clean = sanitize_html(DANGEROUS)
    assert '<a href="https://example.org/" rel="noopener">dobry link</a>' in clean
    assert '<a href="mailto:biuro@example.org" rel="noopener">napisz</a>' in clean
    assert '<a rel="noopener">zły link</a>' in clean


def test_headings_outside_h2_to_h4_lose_their_tag_but_keep_their_text():
    assert sanitize_html("<h1>Duży</h1><h5>Mały</h5>") == "DużyMały"


@pytest.mark.django_db
def test_the_body_is_sanitised_when_a_post_is_saved():
    post = PostFactory(body=DANGEROUS)
    post.refresh_from_db()
    assert "<script" not in post.body and "onclick" not in post.body and "javascript:" not in post.body
    assert "<strong>ważny</strong>" in post.body


@pytest.mark.django_db
def test_html_written_around_save_is_still_cleaned_on_the_public_page(client):
    post = PostFactory()
    type(post).objects.filter(pk=post.pk).update(body=DANGEROUS)
    html = client.get(post.get_absolute_url()).content.decode()
    assert "alert" not in html and "evil.example" not in html and "javascript:" not in html
    assert "<strong>ważny</strong>" in html


def test_plain_text_separates_blocks():
    assert (
        plain_text("<h2>Program</h2><ol><li>Powitanie</li><li>Dyskusja</li></ol>")
        == "Program Powitanie Dyskusja"
    )
    assert plain_text("<p>a</p><p>b</p>", keep_lines=True) == "a\nb"


@pytest.mark.django_db
def test_a_post_page_links_to_its_list(client):
    post = PostFactory()
    assert reverse("news:list") in client.get(post.get_absolute_url()).content.decode()
