"""Build the registry's word index now and keep it in the cache for every worker (entities/word_index.py).

A deploy step, after ``migrate``: otherwise the first search after the cache was emptied starts the build in
the background and PostgreSQL answers searches for the few seconds it takes. Safe while the site is up.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from entities.word_index import build_shared


class Command(BaseCommand):
    help = "Buduje indeks słów wyszukiwarki rejestru i zapisuje go w pamięci podręcznej (Redis)."

    def handle(self, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Indeks słów działa tylko z bazą PostgreSQL; tu wyszukuje sama baza.")
        started = time.monotonic()
        build_shared()
        self.stdout.write(f"Indeks słów zbudowany w {time.monotonic() - started:.1f} s.")
