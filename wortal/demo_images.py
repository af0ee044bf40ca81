"""Pictures for the demo data, drawn with Pillow: logos, photos and film posters without shipping image files.

Each picture is derived from a seed string, so seeding again draws the same picture, and it is saved under a
fixed name in the default storage only when that file is missing (seeding twice writes nothing new).
They are plain illustrations (hills, sun, shapes); the demo items' alt texts say so.
"""

import io
import random

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

# Colours of the portal's palette and of Małopolska's coat of arms, dark enough for white letters (AA).
LOGO_COLOURS = ["#0a4b80", "#07365c", "#8a2a0b", "#0d6b2f", "#5b2a86", "#1f5f5b", "#9a3412", "#374151"]
SCENES = [
    ("#cfe3f3", "#2f6f4f", "#5c9f6b", "#ffcc00"),
    ("#f5e3c8", "#8a5a2b", "#c98b4a", "#e8641b"),
    ("#dbe7f5", "#0a4b80", "#3f7fb5", "#ffffff"),
    ("#e6f0da", "#55803a", "#8fb86b", "#f2c94c"),
]


def _save(name: str, draw) -> str:
    """Store the picture made by ``draw()`` as ``name`` unless it exists; return the name."""
    if not default_storage.exists(name):
        buffer = io.BytesIO()
        image = draw()
        image.save(buffer, format="PNG" if name.endswith(".png") else "JPEG", optimize=True, quality=82)
        default_storage.save(name, ContentFile(buffer.getvalue()))
    return name


def initials(text: str) -> str:
    words = [
        w for w in text.replace("„", " ").replace("”", " ").split() if w[:1].isalpha() and w[:1].isupper()
    ]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def logo(name: str, seed: str, letters: str) -> str:
    """A round emblem with up to two letters, 256 px square, saved as ``name`` (PNG)."""

    def draw():
        rng = random.Random(seed)
        colour = rng.choice(LOGO_COLOURS)
        image = Image.new("RGB", (256, 256), "#ffffff")
        pen = ImageDraw.Draw(image)
        shape = rng.randrange(3)
        if shape == 0:
            pen.ellipse((16, 16, 240, 240), fill=colour)
        elif shape == 1:
            pen.rounded_rectangle((20, 20, 236, 236), radius=48, fill=colour)
        else:
            pen.polygon([(128, 12), (244, 128), (128, 244), (12, 128)], fill=colour)
        pen.arc((46, 46, 210, 210), start=200, end=340, fill="#ffcc00", width=10)
        font = ImageFont.load_default(size=96 if len(letters) > 1 else 120)
        pen.text((128, 136), letters, fill="#ffffff", font=font, anchor="mm")
        return image

    return _save(name, draw)


def scene(name: str, seed: str, size=(1200, 675)) -> str:
    """A landscape illustration (sky, sun, hills, a few houses), saved as ``name`` (JPEG)."""

    def draw():
        rng = random.Random(seed)
        sky, far, near, sun = rng.choice(SCENES)
        width, height = size
        image = Image.new("RGB", size, sky)
        pen = ImageDraw.Draw(image)
        x = rng.randint(width // 5, width * 4 // 5)
        pen.ellipse((x - 70, 80, x + 70, 220), fill=sun)
        for colour, base, amplitude in ((far, height * 0.55, 90), (near, height * 0.72, 60)):
            points = [(0, height)]
            for step in range(0, width + 100, 100):
                points.append((step, base - rng.randint(0, amplitude)))
            points.append((width, height))
            pen.polygon(points, fill=colour)
        for _ in range(rng.randint(2, 5)):
            hx = rng.randint(40, width - 140)
            hy = int(height * 0.78) + rng.randint(0, 40)
            pen.rectangle((hx, hy, hx + 90, hy + 70), fill="#f7f7f2")
            pen.polygon([(hx - 10, hy), (hx + 45, hy - 45), (hx + 100, hy)], fill="#8a2a0b")
            pen.rectangle((hx + 35, hy + 30, hx + 55, hy + 70), fill="#5a3b1e")
        return image

    return _save(name, draw)
