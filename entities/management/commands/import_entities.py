"""Import entities from a support centre's spreadsheet (CSV or XLSX): the admin's import, for large files.

The same resource as the admin (entities/imports.py): same columns, same matching on NIP, then KRS, then
REGON, same checks. The whole file is one transaction: if any row is invalid nothing is written and every
row's errors are listed, so the file can be fixed and imported again. ``--dry-run`` checks without writing.
"""

import time
from pathlib import Path

import tablib
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from entities.imports import EntityFileResource, SpreadsheetCSV

MAX_ERRORS_SHOWN = 50


class Rollback(Exception):
    pass


def load_dataset(path: Path) -> tablib.Dataset:
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return tablib.Dataset().load(path.read_bytes(), format="xlsx")
    if suffix == ".csv":
        return SpreadsheetCSV().create_dataset(path.read_bytes())
    raise CommandError("Obsługiwane pliki: .csv (UTF-8) i .xlsx.")


class Command(BaseCommand):
    help = "Importuje podmioty z pliku CSV lub XLSX (dopasowanie po NIP, KRS, REGON); wszystko albo nic."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Sprawdź plik, niczego nie zapisuj.")
        parser.add_argument("--user", help="Login redaktora, pod którym zmiany trafią do historii.")

    def handle(self, file, dry_run=False, user=None, **options):
        if not file.is_file():
            raise CommandError(f"Nie ma pliku {file}.")
        editor = None
        if user:
            User = get_user_model()
            editor = User.objects.filter(**{User.USERNAME_FIELD: user}).first()
            if editor is None:
                raise CommandError(f"Nie ma konta {user!r}.")
        try:
            dataset = load_dataset(file)
        except CommandError:
            raise
        except Exception as error:
            raise CommandError(f"Nie udało się odczytać pliku: {error}") from None

        started = time.monotonic()
        show_progress = options.get("verbosity", 1) > 0
        with tqdm(total=len(dataset), unit=" wierszy", disable=not show_progress, file=self.stderr) as bar:
            resource = EntityFileResource(progress=lambda: bar.update(1))
            try:
                with transaction.atomic():
                    result = resource.import_data(
                        dataset, dry_run=False, use_transactions=False, file_name=file.name, user=editor
                    )
                    if dry_run or result.has_errors() or result.has_validation_errors():
                        raise Rollback
            except Rollback:
                pass
        elapsed = time.monotonic() - started
        self.report(result, dry_run, elapsed)

    def report(self, result, dry_run, elapsed):
        totals = result.totals
        for error in result.base_errors:
            self.stderr.write(f"Błąd pliku: {error.error}")
        shown = 0
        for row in result.invalid_rows:
            for field, messages in row.error_dict.items():
                if shown < MAX_ERRORS_SHOWN:
                    self.stderr.write(f"Wiersz {row.number}: {field}: {' '.join(map(str, messages))}")
                shown += 1
        for number, errors in result.row_errors():
            for error in errors:
                if shown < MAX_ERRORS_SHOWN:
                    self.stderr.write(f"Wiersz {number}: {error.error}")
                shown += 1
        if shown > MAX_ERRORS_SHOWN:
            self.stderr.write(f"… i {shown - MAX_ERRORS_SHOWN} kolejnych błędów.")
        summary = (
            f"nowe: {totals['new']}, zaktualizowane: {totals['update']}, "
            f"błędne: {totals['invalid'] + totals['error']} (czas {elapsed:.1f} s)"
        )
        if result.has_errors() or result.has_validation_errors() or result.base_errors:
            raise CommandError(f"Nic nie zapisano: popraw błędy i uruchom import ponownie. {summary}")
        if dry_run:
            self.stdout.write(self.style.WARNING(f"Próba (--dry-run), nic nie zapisano: {summary}"))
        else:
            self.stdout.write(self.style.SUCCESS(f"Zaimportowano: {summary}"))
