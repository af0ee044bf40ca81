import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from wortal.uploads import CleanImageField, reencode_image


def image_file(format="JPEG", size=(40, 30), name="zdjecie.jpg", exif=None):
    buffer = io.BytesIO()
    options = {"exif": exif} if exif is not None else {}
    Image.new("RGB", size, "#0a4b80").save(buffer, format=format, **options)
    return SimpleUploadedFile(name, buffer.getvalue())


def png_header(width, height):
    """A tiny PNG that claims huge dimensions: its header alone is enough to refuse it."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0"))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("format", ["JPEG", "PNG", "WEBP"])
def test_it_accepts_and_reencodes_jpeg_png_and_webp_under_a_generated_name(format):
    clean = reencode_image(image_file(format, name="Moje Logo.jpeg"))
    assert clean.name != "Moje Logo.jpeg"
    assert Image.open(io.BytesIO(clean.read())).format == format


def test_it_strips_exif_and_gps_data():
    exif = Image.Exif()
    exif[0x010F] = "Aparat"  # Make
    exif[0x8825] = {2: (50.0, 3.0, 0.0)}  # GPSInfo: latitude
    original = image_file(exif=exif.tobytes())
    assert Image.open(io.BytesIO(original.read())).getexif()
    original.seek(0)
    clean = reencode_image(original)
    assert not Image.open(io.BytesIO(clean.read())).getexif()


def test_it_refuses_a_text_file_named_jpg():
    with pytest.raises(ValidationError, match="nie jest obrazem"):
        reencode_image(SimpleUploadedFile("zdjecie.jpg", b"to nie jest obraz"))


def test_it_refuses_an_svg():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    with pytest.raises(ValidationError, match="nie jest obrazem"):
        reencode_image(SimpleUploadedFile("logo.svg", svg))


def test_it_refuses_a_gif_even_though_pillow_reads_it():
    with pytest.raises(ValidationError, match="JPEG, PNG i WebP"):
        reencode_image(image_file("GIF", name="a.gif"))


def test_it_refuses_a_100_megapixel_png_header_of_a_few_bytes():
    data = png_header(10_000, 10_000)
    assert len(data) < 100
    with pytest.raises(ValidationError, match="za dużo pikseli"):
        reencode_image(SimpleUploadedFile("bomba.png", data))


def test_it_refuses_an_oversized_file(settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1000
    with pytest.raises(ValidationError, match="za duży"):
        reencode_image(image_file(size=(400, 400)))


def test_the_form_field_gives_the_reencoded_copy():
    field = CleanImageField(required=False)
    clean = field.clean(image_file(name="x.jpg"))
    assert clean.name.endswith(".jpg") and clean.name != "x.jpg"
    assert field.clean(None) is None
