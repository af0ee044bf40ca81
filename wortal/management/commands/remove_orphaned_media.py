"""Remove uploaded files that no record names any more (run with --dry-run first to see the list).

Files are left behind when a write that had stored a file was rolled back (an approval that failed), or by
older versions of the portal. A file counts as used when any model names it, the history tables included
(restoring an old version needs its files). sorl-thumbnail's renditions (THUMBNAIL_PREFIX, "cache/") are
the thumbnail store's business and are skipped, as are files younger than --min-age-hours: an upload being
saved right now is not named by its row yet.
"""

import datetime
import os
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone


def referenced_names() -> set[str]:
    """Every file name a row names, in each model's table and in its history (which stores names as text)."""
    names = set()
    for model in apps.get_models():
        fields = [
            field.attname for field in model._meta.concrete_fields if isinstance(field, models.FileField)
        ]
        history = getattr(model, "history", None)
        for table in [model, history.model] if history is not None else [model]:
            for field in fields:
                rows = table._default_manager.exclude(**{field: ""}).exclude(**{field: None})
                names.update(rows.values_list(field, flat=True).distinct())
    return names


def stored_files(root: Path, skip: tuple[str, ...]):
    for folder, _subfolders, files in os.walk(root):
        for file_name in files:
            path = Path(folder) / file_name
            name = path.relative_to(root).as_posix()
            if not name.startswith(skip):
                yield name, path


class Command(BaseCommand):
    help = "Usuwa pliki z mediów, których nie wskazuje żaden rekord (najpierw uruchom z --dry-run)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Tylko wypisz, co zostałoby usunięte.")
        parser.add_argument(
            "--min-age-hours",
            type=float,
            default=24,
            help="Pomiń pliki młodsze niż tyle godzin (domyślnie 24: zapisywany właśnie plik nie ma jeszcze rekordu).",
        )

    def handle(self, dry_run=False, min_age_hours=24, **options):
        used = referenced_names()
        cutoff = (timezone.now() - datetime.timedelta(hours=min_age_hours)).timestamp()
        thumbnails = getattr(settings, "THUMBNAIL_PREFIX", "cache/")
        roots = [(Path(settings.MEDIA_ROOT), (thumbnails,)), (Path(settings.PRIVATE_MEDIA_ROOT), ())]
        count = size = 0
        for root, skip in roots:
            if not root.is_dir():
                continue
            for name, path in stored_files(root, skip):
                stat = path.stat()
                if name in used or stat.st_mtime > cutoff:
                    continue
                count, size = count + 1, size + stat.st_size
                self.stdout.write(f"{'do usunięcia' if dry_run else 'usunięto'}: {path}")
                if not dry_run:
                    path.unlink()
        verb = "Zostałoby usuniętych" if dry_run else "Usunięto"
        self.stdout.write(self.style.SUCCESS(f"{verb} plików: {count} ({filesizeformat(size)})."))
