"""`make backup`: the database and media files into one dated folder (see wortal/backups.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from wortal.backups import make_backup


class Command(BaseCommand):
    help = "Zapisuje kopię bazy danych (pg_dump) i plików mediów w jednym folderze z datą."

    def add_arguments(self, parser):
        parser.add_argument("--into", default="backups", help="folder for the dated backup folders")

    def handle(self, *args, into, **options):
        folder = make_backup(Path(into))
        self.stdout.write(str(folder))
