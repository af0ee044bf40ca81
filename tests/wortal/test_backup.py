"""`make backup` and `make restore`: a round trip through an empty database on the test's own PostgreSQL
server gives back every table's rows and the media files."""

import os
import subprocess
import sys

import pytest

from tests import processes

pytestmark = [pytest.mark.postgres, pytest.mark.processes, pytest.mark.django_db]

COUNT_EVERY_TABLE = """
SELECT string_agg(table_name || '=' || (xpath('/row/c/text()', query_to_xml(
    format('SELECT count(*) AS c FROM %I', table_name), false, true, '')))[1]::text, ',' ORDER BY table_name)
FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
"""
SAMPLE = "SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) FROM {table} t"


def manage(*args, database_url, media_root):
    env = {**os.environ, "DEBUG": "true", "DATABASE_URL": database_url, "MEDIA_ROOT": str(media_root)}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=processes.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout.strip()


def test_a_backup_restores_into_an_empty_database_with_every_row_and_media_file(own_postgres, tmp_path):
    media = tmp_path / "media"
    (media / "podmioty").mkdir(parents=True)
    (media / "podmioty" / "logo.webp").write_bytes(b"RIFF\x00\x00\x00\x00WEBPVP8 logo")
    own_postgres.psql(
        "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, "
        "is_staff, is_active, date_joined) VALUES ('!', false, 'kopia', 'Ala', 'Kot', 'a@example.org', "
        "false, true, now())",
        database="wortal",
    )

    folder = manage(
        "backup", "--into", str(tmp_path / "kopie"), database_url=own_postgres.url, media_root=media
    )
    assert sorted(os.listdir(folder)) == ["database.dump", "manifest.json", "media.tar.gz"]

    own_postgres.psql("CREATE DATABASE odtworzona")
    restored_url = own_postgres.url.replace("/wortal", "/odtworzona")
    restored_media = tmp_path / "media-odtworzone"
    manage("restore", folder, database_url=restored_url, media_root=restored_media)

    original, restored = (
        own_postgres.psql(COUNT_EVERY_TABLE, "wortal"),
        own_postgres.psql(COUNT_EVERY_TABLE, "odtworzona"),
    )
    assert original == restored and "entities_gmina=" in original and "auth_user=1" in original
    for table in ["entities_gmina", "entities_sector", "auth_user", "auth_permission"]:
        assert own_postgres.psql(SAMPLE.format(table=table), "wortal") == own_postgres.psql(
            SAMPLE.format(table=table), "odtworzona"
        )
    assert (restored_media / "podmioty" / "logo.webp").read_bytes() == (
        media / "podmioty" / "logo.webp"
    ).read_bytes()

    with pytest.raises(subprocess.CalledProcessError) as refused:  # never over a database with data in it
        manage("restore", folder, database_url=restored_url, media_root=restored_media)
    assert "nie jest pusta" in refused.value.stderr
