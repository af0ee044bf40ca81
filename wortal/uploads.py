"""Verifying and re-encoding uploaded images, shared by every form that accepts one.

An upload is judged by its content, never by its name: Pillow must recognise it as JPEG, PNG or WebP, it must
fit the byte and pixel limits (checked from the header, before decoding, so a decompression bomb costs
nothing), and it is re-encoded so EXIF and GPS data never reach the disk. The stored name is generated.
"""

import io
import os
import uuid
import warnings
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from wortal.storage import MediaStorage

ALLOWED_FORMATS = {"JPEG": ("jpg", "image/jpeg"), "PNG": ("png", "image/png"), "WEBP": ("webp", "image/webp")}


@deconstructible
class GeneratedName:
    """An ``upload_to`` that never uses the uploader's file name on disk: ``<folder>/<random hex>.<ext>``."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename):
        extension = PurePath(filename).suffix.lower()[:6]
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def __eq__(self, other):
        return isinstance(other, GeneratedName) and other.folder == self.folder

    def __hash__(self):
        return hash(self.folder)


class PrivateStorage(MediaStorage):
    """Files that are not public: under PRIVATE_MEDIA_ROOT, outside what the web server serves, and with no URL.

    A view that checks who asks serves them. The location follows the setting (read when used, not cached),
    so tests and deployments point it elsewhere without touching the fields.
    """

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


PRIVATE_STORAGE = PrivateStorage()


def copy_of(field_file) -> ContentFile:
    """The bytes of a stored file as a new upload (its extension kept), e.g. to publish a private image."""
    with field_file.open("rb") as source:
        return ContentFile(source.read(), name=PurePath(field_file.name).name)


def _limits():
    return (
        getattr(settings, "IMAGE_UPLOAD_MAX_BYTES", 5 * 1024 * 1024),
        getattr(settings, "IMAGE_UPLOAD_MAX_PIXELS", 40_000_000),
    )


def refuse_oversized(upload, limit, message=None):
    """Raise the Polish 'file too large' error when an upload is over ``limit`` bytes (checked before reading)."""
    if upload.size > limit:
        raise ValidationError(
            message or _("Plik jest za duży (%(size)s). Największy dozwolony rozmiar to %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )


def reencode_image(upload) -> SimpleUploadedFile:
    """Return a clean, re-encoded copy of an uploaded image or raise ValidationError in Polish."""
    max_bytes, max_pixels = _limits()
    refuse_oversized(upload, max_bytes)
    upload.seek(0)
    data = upload.read()
    try:
        with warnings.catch_warnings():
            # Pillow's decompression-bomb warning is an error here, whatever the global limit.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Dozwolone są tylko obrazy JPEG, PNG i WebP."), code="invalid_image_type"
                )
            width, height = image.size
            if width * height > max_pixels:
                raise ValidationError(
                    _(
                        "Obraz ma za dużo pikseli (%(width)s×%(height)s). Największy dozwolony to %(limit)s mln."
                    ),
                    code="too_many_pixels",
                    params={"width": width, "height": height, "limit": max_pixels // 1_000_000},
                )
            image_format = image.format
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombWarning, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("Obraz ma za dużo pikseli. Największy dozwolony to %(limit)s mln."),
            code="too_many_pixels",
            params={"limit": max_pixels // 1_000_000},
        ) from error
    except UnidentifiedImageError as error:
        raise ValidationError(
            _("Plik nie jest obrazem JPEG, PNG ani WebP albo jest uszkodzony."), code="invalid_image"
        ) from error
    except (OSError, SyntaxError, ValueError) as error:
        raise ValidationError(
            _("Nie udało się odczytać obrazu: plik jest uszkodzony."), code="invalid_image"
        ) from error

    # Apply the orientation tag before it is dropped with the rest of EXIF.
    image = ImageOps.exif_transpose(image)
    extension, content_type = ALLOWED_FORMATS[image_format]
    if image_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    output = io.BytesIO()
    save_options = {
        "JPEG": {"quality": 88, "optimize": True},
        "PNG": {"optimize": True},
        "WEBP": {"quality": 88},
    }
    image.save(output, format=image_format, **save_options[image_format])
    return SimpleUploadedFile(f"{uuid.uuid4().hex}.{extension}", output.getvalue(), content_type=content_type)


class CleanImageField(forms.ImageField):
    """An ImageField whose cleaned value is the verified, re-encoded copy with a generated name."""

    default_error_messages = {
        "invalid_image": _("Plik nie jest obrazem JPEG, PNG ani WebP albo jest uszkodzony."),
    }

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(*args, **kwargs)

    def to_python(self, data):
        if data in self.empty_values:
            return None
        return reencode_image(data)
