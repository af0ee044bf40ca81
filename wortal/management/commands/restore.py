"""`make restore FROM=backups/<date>`: a backup back into an empty database and the media folder."""

from django.core.management.base import BaseCommand, CommandError

from wortal.backups import BackupError, restore_backup


class Command(BaseCommand):
    help = "Odtwarza kopię (make backup) do pustej bazy danych i folderu mediów."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        try:
            counts = restore_backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Odtworzono {len(counts)} tabel, {sum(counts.values())} wierszy.")
