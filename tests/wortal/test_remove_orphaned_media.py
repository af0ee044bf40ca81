"""remove_orphaned_media: files no record names are listed (--dry-run) and removed; used ones stay."""

import io
import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import EntityFactory, image_upload

pytestmark = pytest.mark.django_db
DAY = 24 * 3600


def stored(root, name, age_seconds=2 * DAY):
    path = Path(root) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * 10)
    old = time.time() - age_seconds
    os.utime(path, (old, old))
    return path


@pytest.fixture
def media(settings):
    entity = EntityFactory(logo=image_upload("logo.jpg"))
    used = Path(settings.MEDIA_ROOT) / entity.logo.name
    os.utime(used, (time.time() - 2 * DAY,) * 2)
    return {
        "used": used,
        "orphan": stored(settings.MEDIA_ROOT, "entities/photos/porzucone.jpg"),
        "private orphan": stored(settings.PRIVATE_MEDIA_ROOT, "entities/submissions/porzucone.jpg"),
        "fresh": stored(settings.MEDIA_ROOT, "entities/photos/wlasnie-zapisywane.jpg", age_seconds=60),
        "thumbnail": stored(settings.MEDIA_ROOT, "cache/ab/cd/miniatura.jpg"),
    }


def run(*args):
    out = io.StringIO()
    call_command("remove_orphaned_media", *args, stdout=out)
    return out.getvalue()


def test_a_dry_run_lists_the_orphans_and_removes_nothing(media):
    output = run("--dry-run")
    assert "porzucone.jpg" in output and "Zostałoby usuniętych plików: 2" in output
    assert all(path.exists() for path in media.values())


def test_it_removes_only_orphans_old_enough_and_reports_them(media):
    output = run()
    assert "Usunięto plików: 2" in output
    assert not media["orphan"].exists() and not media["private orphan"].exists()
    assert media["used"].exists() and media["fresh"].exists() and media["thumbnail"].exists()


def test_a_file_named_only_by_the_history_is_kept(media):
    entity = EntityFactory(logo=image_upload("stare-logo.jpg"))
    old_logo = Path(media["used"]).parent / Path(entity.logo.name).name
    os.utime(old_logo, (time.time() - 2 * DAY,) * 2)
    entity.logo = ""
    entity.save()
    run()
    assert old_logo.exists()
