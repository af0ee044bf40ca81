"""Backups: the database (pg_dump's custom format, one consistent snapshot) and the media files, together in
one dated folder; and the way back into an empty database. `make backup` and `make restore FROM=folder`.

A folder holds `database.dump` (or `database.sqlite3` for the zero-setup SQLite database), `media.tar.gz` and
`manifest.json` (when, from which database, every table's row count: `restore` checks the counts it got).
"""

import glob
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils import timezone


class BackupError(Exception):
    pass


def _pg_env_and_args(db) -> tuple[dict, list[str]]:
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = [
        "-h",
        db.get("HOST") or "127.0.0.1",
        "-p",
        str(db.get("PORT") or 5432),
        "-U",
        db.get("USER") or "postgres",
    ]
    return env, args


def _pg_tool(name: str) -> str:
    """The newest installed client (a dump from an older server restores with a newer pg_restore)."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return found[-1] if found else (shutil.which(name) or name)


def table_row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor, include_views=False)
        counts = {}
        for table in sorted(tables):
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def make_backup(root: Path) -> Path:
    db = settings.DATABASES["default"]
    folder = Path(root) / timezone.localtime().strftime("%Y-%m-%d_%H%M%S")
    folder.mkdir(parents=True, exist_ok=False)
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args(db)
        subprocess.run(
            [
                _pg_tool("pg_dump"),
                *args,
                "--format=custom",
                "--no-owner",
                "--file",
                str(folder / "database.dump"),
                db["NAME"],
            ],
            env=env,
            check=True,
            capture_output=True,
        )
    else:
        with sqlite3.connect(db["NAME"]) as source, sqlite3.connect(folder / "database.sqlite3") as target:
            source.backup(target)
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname="media")
    manifest = {
        "created": timezone.now().isoformat(),
        "vendor": connection.vendor,
        "tables": table_row_counts(),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    return folder


def restore_backup(folder: Path) -> dict[str, int]:
    """Restore into the configured database, which must be empty (no tables), and the media folder."""
    folder = Path(folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    with connection.cursor() as cursor:
        if connection.introspection.table_names(cursor):
            raise BackupError("Baza docelowa nie jest pusta: odtwarzamy tylko do pustej bazy.")
    db = settings.DATABASES["default"]
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"Kopia pochodzi z bazy {manifest['vendor']}, a skonfigurowana jest {connection.vendor}."
        )
    if connection.vendor == "postgresql":
        env, args = _pg_env_and_args(db)
        subprocess.run(
            [
                _pg_tool("pg_restore"),
                *args,
                "--no-owner",
                "--exit-on-error",
                "--single-transaction",
                "-d",
                db["NAME"],
                str(folder / "database.dump"),
            ],
            env=env,
            check=True,
            capture_output=True,
        )
    else:
        connection.close()
        shutil.copyfile(folder / "database.sqlite3", db["NAME"])
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / "media.tar.gz") as archive:
        for member in archive.getmembers():
            if not member.name.startswith("media"):
                continue
            member.name = member.name.removeprefix("media").lstrip("/")
            if member.name:
                archive.extract(member, media, filter="data")
    counts = table_row_counts()
    if counts != manifest["tables"]:
        raise BackupError("Liczby wierszy po odtworzeniu różnią się od zapisanych w kopii.")
    return counts
