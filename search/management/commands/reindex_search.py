"""Rebuild the stored search text of everything the search looks through, with a progress bar.

Needed after a change to how text is analysed (a new Morfeusz version, new indexed fields). It works in
batches of primary keys, each saved in its own short transaction with a plain UPDATE of one column, so it can
run while the site is up; PostgreSQL recomputes the generated search_vector of each updated row by itself.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from tqdm import tqdm

from search import vocabulary
from search.registry import sources


class Command(BaseCommand):
    help = "Przebudowuje tekst wyszukiwania (search_text) podmiotów, inicjatyw, aktualności, filmów i stron."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--only", action="append", help="Klucz źródła (np. podmioty); można powtórzyć.")

    def handle(self, *args, batch_size, only, verbosity, **options):
        chosen = [source for source in sources() if source.reindexable and (not only or source.key in only)]
        for source in chosen:
            model = source.model
            total = model._default_manager.count()
            changed = 0
            with tqdm(total=total, desc=str(source.label), disable=verbosity < 1, file=self.stdout) as bar:
                last_pk = 0
                while True:
                    batch = list(model._default_manager.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
                    if not batch:
                        break
                    last_pk = batch[-1].pk
                    stale = []
                    for item in batch:
                        text = item.build_search_text()
                        if text != item.search_text:
                            item.search_text = text
                            stale.append(item)
                    with transaction.atomic():
                        model._default_manager.bulk_update(stale, ["search_text"])
                    if hasattr(model, "vocabulary_texts"):
                        vocabulary.learn(*(text for item in batch for text in item.vocabulary_texts()))
                    changed += len(stale)
                    bar.update(len(batch))
            if changed:
                source.after_reindex()
            if verbosity:
                self.stdout.write(f"{source.label}: {total}, zmieniono {changed}.")
