"""`make backup` and `make restore`: a round trip through an empty database on the test's own PostgreSQL
server gives back every table's rows, sample records and the media files."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from tests import processes

pytestmark = [pytest.mark.postgres, pytest.mark.processes, pytest.mark.django_db]

COUNT_EVERY_TABLE = """
SELECT string_agg(table_name || '=' || (xpath('/row/c/text()', query_to_xml(
    format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text, ',' ORDER BY table_name)
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
"""
SAMPLE = "SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM {table} t"
SAMPLE_TABLES = ["entities_gmina", "entities_powiat", "entities_sector", "auth_permission", "news_page"]


def psql_test_database(sql):
    db = connection.settings_dict
    return subprocess.run(
        [
            str(processes.postgres_bin() / "psql"),
            "-h",
            db["HOST"],
            "-p",
            str(db["PORT"]),
            "-U",
            db["USER"],
            "-d",
            db["NAME"],
            "-tAc",
            sql,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PGTZ": "UTC"},  # dates print alike whatever each server's time zone
    ).stdout.strip()


def test_a_backup_restores_into_an_empty_database_with_every_row_and_media_file(
    own_postgres, settings, tmp_path
):
    logo = Path(settings.MEDIA_ROOT) / "podmioty" / "logo.webp"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 logo")

    # `make backup` of the test database (what earlier tests committed: territory, sectors, pages, roles).
    call_command("backup", "--into", str(tmp_path / "kopie"), stdout=(out := io.StringIO()))
    folder = out.getvalue().strip()
    assert sorted(os.listdir(folder)) == ["database.dump", "manifest.json", "media.tar.gz"]

    # `make restore` in another process, into an empty database on the own server.
    own_postgres.psql("CREATE DATABASE odtworzona")
    restored_media = tmp_path / "media-odtworzone"
    env = {
        **os.environ,
        "DEBUG": "true",
        "MEDIA_ROOT": str(restored_media),
        "DATABASE_URL": own_postgres.url.replace("/wortal", "/odtworzona"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "restore", folder],
        cwd=processes.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )

    counts = psql_test_database(COUNT_EVERY_TABLE)
    assert own_postgres.psql(COUNT_EVERY_TABLE, "odtworzona") == counts
    assert "entities_gmina=182" in counts
    for table in SAMPLE_TABLES:
        sample = SAMPLE.format(table=table)
        assert own_postgres.psql(sample, "odtworzona") == psql_test_database(sample), table
    assert (restored_media / "podmioty" / "logo.webp").read_bytes() == logo.read_bytes()


def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    call_command("backup", "--into", str(tmp_path), stdout=(out := io.StringIO()))
    with pytest.raises(CommandError, match="nie jest pusta"):
        call_command("restore", out.getvalue().strip())
