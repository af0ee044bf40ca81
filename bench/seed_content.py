"""Bulk demo content for the benchmark: N copies of each demo post, film, event and initiative.

    DATABASE_URL=... python bench/seed_content.py --posts 2000 --initiatives 1000 --events 300 --films 100

Copies of news/demo.py's items with numbered slugs and spread dates; idempotent (a second run counts what
exists and adds only the missing ones). Only for the benchmark database: it refuses DEBUG=true databases?
No: it refuses nothing, so point DATABASE_URL at the benchmark database.
"""

import argparse
import datetime
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wortal.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from entities.models import Entity, Gmina, Powiat  # noqa: E402
from initiatives.models import Initiative  # noqa: E402
from news import demo  # noqa: E402
from news.models import Category, Event, Film, Post  # noqa: E402


def seed(posts, initiatives, events, films):
    now = timezone.now()
    demo.seed_content()
    categories = list(Category.objects.all())
    organisers = list(Entity.objects.published().order_by("pk").values_list("pk", flat=True)[:2000])
    powiaty = list(Powiat.objects.all())
    gminy = list(Gmina.objects.all()[:50])
    with transaction.atomic():
        for n in range(Initiative.objects.count(), initiatives):
            data = demo.INITIATIVES[n % len(demo.INITIATIVES)]
            start = datetime.date(now.year - n % 6, 1 + n % 12, 1)
            initiative = Initiative.objects.create(
                slug=f"{data['slug']}-{n}",
                title=f"{data['title']} ({n})",
                summary=data["summary"],
                description=data["description"],
                results=data["results"],
                theme=data["theme"],
                start_date=start,
                end_date=start + datetime.timedelta(days=200),
                state=Initiative.State.PUBLISHED,
                is_featured=n % 50 == 0,
            )
            initiative.powiaty.set([powiaty[n % len(powiaty)]])
            initiative.organisers.set([organisers[n % len(organisers)]])
        for n in range(Post.objects.count(), posts):
            data = demo.POSTS[n % len(demo.POSTS)]
            post = Post.objects.create(
                slug=f"{data['slug']}-{n}",
                title=f"{data['title']} ({n})",
                lead=data["lead"],
                body=data["body"],
                is_published=True,
                published_at=now - datetime.timedelta(hours=3 + n * 5),
            )
            post.categories.set([categories[n % len(categories)]])
        for n in range(Film.objects.count(), films):
            data = demo.FILMS[n % len(demo.FILMS)]
            Film.objects.create(
                slug=f"{data['slug']}-{n}",
                title=f"{data['title']} ({n})",
                description=data["description"],
                external_url=data["external_url"],
                transcript=data["transcript"],
                is_published=True,
                published_at=now - datetime.timedelta(days=1 + n),
            )
        for n in range(Event.objects.count(), events):
            data = demo.EVENTS[n % len(demo.EVENTS)]
            start = (now + datetime.timedelta(days=n - 100)).replace(
                hour=10, minute=0, second=0, microsecond=0
            )
            Event.objects.create(
                slug=f"{data['slug']}-{n}",
                title=f"{data['title']} ({n})",
                description=data["description"],
                start=start,
                end=start + datetime.timedelta(hours=3),
                address=data.get("address", ""),
                gmina=gminy[n % len(gminy)],
                organiser_name=data["organiser_name"],
                is_published=True,
                published_at=now - datetime.timedelta(days=101),
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--initiatives", type=int, default=1000)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--films", type=int, default=100)
    args = parser.parse_args()
    seed(args.posts, args.initiatives, args.events, args.films)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


if __name__ == "__main__":
    main()
