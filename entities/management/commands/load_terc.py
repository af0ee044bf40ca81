"""Bring powiaty and gminy in line with a newer GUS TERC file (the same semicolon-separated CSV format).

Entities keep their links: gminy are matched on their 6-digit code, renamed in place, and those missing
from the file are marked retired rather than deleted. Prints what was added, renamed and retired.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from entities.models import Gmina, Powiat
from entities.terc import TercFormatError, read_terc, sync_territory


class Command(BaseCommand):
    help = "Wczytuje nowszy wykaz TERC (CSV GUS) i aktualizuje powiaty i gminy bez zrywania powiązań."

    def add_arguments(self, parser):
        parser.add_argument("path", help="Plik CSV TERC (kolumny WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA)")
        parser.add_argument("--dry-run", action="store_true", help="Pokaż zmiany, niczego nie zapisuj.")

    def handle(self, path, dry_run=False, **options):
        try:
            terc = read_terc(path)
        except (OSError, TercFormatError, UnicodeDecodeError) as error:
            raise CommandError(f"Nie można wczytać pliku {path}: {error}") from error
        with transaction.atomic():
            report = sync_territory(Powiat, Gmina, terc)
            if dry_run:
                transaction.set_rollback(True)
        for line in report.lines():
            self.stdout.write(line)
        if dry_run:
            self.stdout.write(self.style.WARNING("Próba (--dry-run): niczego nie zapisano."))
