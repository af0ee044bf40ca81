"""Films: recognising YouTube and Vimeo addresses, and checking uploaded video and caption files by content."""

import re
from urllib.parse import parse_qs, urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wortal.uploads import refuse_oversized

YOUTUBE = "youtube"
VIMEO = "vimeo"
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


def parse_video_url(url: str) -> tuple[str, str]:
    """(provider, video id) of a YouTube or Vimeo address, or ValidationError in Polish."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]
    candidate, provider = "", ""
    if host in _YOUTUBE_HOSTS:
        provider = YOUTUBE
        if segments[:1] == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live", "v"):
            candidate = segments[1]
    elif host == "youtu.be":
        provider = YOUTUBE
        candidate = segments[0] if len(segments) == 1 else ""
    elif host in _VIMEO_HOSTS:
        provider = VIMEO
        candidate = next((segment for segment in reversed(segments) if _VIMEO_ID.match(segment)), "")
    if parts.scheme not in ("http", "https") or not provider:
        raise ValidationError(_("Podaj adres filmu w serwisie YouTube albo Vimeo."), code="unknown_host")
    pattern = _YOUTUBE_ID if provider == YOUTUBE else _VIMEO_ID
    if not pattern.match(candidate):
        raise ValidationError(
            _("Nie rozpoznano identyfikatora filmu w tym adresie. Skopiuj adres ze strony filmu."),
            code="no_video_id",
        )
    return provider, candidate


def embed_url(provider: str, video_id: str) -> str:
    """The privacy-enhanced player: no tracking cookies before the visitor plays the film."""
    if provider == YOUTUBE:
        return f"https://www.youtube-nocookie.com/embed/{video_id}?rel=0"
    return f"https://player.vimeo.com/video/{video_id}?dnt=1"


def video_kind(head: bytes) -> str | None:
    """'mp4' or 'webm' from a file's first bytes (the ISO-BMFF ``ftyp`` box or the EBML magic), else None."""
    if len(head) >= 12 and head[4:8] == b"ftyp":
        return "mp4"
    if head[:4] == b"\x1a\x45\xdf\xa3":
        return "webm"
    return None


class VideoFileField(forms.FileField):
    """An MP4 or WebM upload, recognised by its content and limited by VIDEO_UPLOAD_MAX_BYTES."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "video/mp4,video/webm"}))
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        refuse_oversized(
            upload,
            settings.VIDEO_UPLOAD_MAX_BYTES,
            _("Plik jest za duży (%(size)s). Największy dozwolony rozmiar filmu to %(limit)s."),
        )
        upload.seek(0)
        kind = video_kind(upload.read(16))
        upload.seek(0)
        if kind is None:
            raise ValidationError(_("Dozwolone są tylko filmy MP4 i WebM."), code="invalid_video")
        upload.name = f"film.{kind}"
        return upload


class CaptionsFileField(forms.FileField):
    """A WebVTT captions file: UTF-8 text that starts with WEBVTT."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"accept": "text/vtt,.vtt"}))
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        refuse_oversized(
            upload,
            settings.CAPTIONS_UPLOAD_MAX_BYTES,
            _("Plik napisów jest za duży. Największy dozwolony rozmiar to %(limit)s."),
        )
        upload.seek(0)
        content = upload.read()
        upload.seek(0)
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(
                _("Plik napisów musi być tekstem w kodowaniu UTF-8."), code="invalid_captions"
            ) from error
        first_line = text.split("\n", 1)[0].rstrip("\r")
        if not (first_line == "WEBVTT" or first_line.startswith(("WEBVTT ", "WEBVTT\t"))):
            raise ValidationError(
                _("To nie jest plik napisów WebVTT: pierwszy wiersz musi zaczynać się od „WEBVTT”."),
                code="invalid_captions",
            )
        upload.name = "napisy.vtt"
        return upload
