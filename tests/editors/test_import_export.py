import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from entities.models import Entity
from entities.versions import registry_version
from tests.factories import EntityFactory, redaktor

pytestmark = pytest.mark.django_db

HEADER = "Nazwa;Forma prawna;NIP;KRS;REGON;Kod pocztowy;Miejscowość;Gmina (TERYT);Branże;Stan\n"
GOOD = (
    HEADER
    + "Spółdzielnia Socjalna Razem;spółdzielnia socjalna;856-734-62-15;123;192598184;31100;Kraków;1261011;"
    + "gastronomia i catering;opublikowany\n"
    + "Fundacja Bochnia;fundacja;;;;32-700;Bochnia;120101;;\n"
)


def csv_upload(text, name="podmioty.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def preview(client, text):
    return client.post(
        reverse("admin:entities_entity_import"),
        {"format": "0", "import_file": csv_upload(text)},
    )


def test_the_admin_import_previews_then_writes_only_on_confirmation(client):
    client.force_login(redaktor())
    response = preview(client, GOOD)
    assert response.status_code == 200
    assert not Entity.objects.exists()
    confirm = response.context["confirm_form"]
    assert confirm is not None
    data = {name: confirm[name].value() for name in confirm.fields}
    response = client.post(reverse("admin:entities_entity_process_import"), data)
    assert response.status_code == 302
    created = Entity.objects.get(nip="8567346215")
    assert created.krs == "0000000123" and created.gmina.teryt == "126101"
    assert created.state == "published" and [s.slug for s in created.sectors.all()] == [
        "gastronomia-i-catering"
    ]
    assert created.history.first().history_user.username == "redaktor-grupa"
    assert Entity.objects.get(name="Fundacja Bochnia").state == "draft"


def test_a_file_with_an_invalid_row_shows_every_error_and_offers_no_confirmation(client):
    client.force_login(redaktor())
    bad = GOOD + "Zła Fundacja;fundacja;123;;;31-100;Kraków;999999;nieznana branża;\n"
    response = preview(client, bad)
    content = response.content.decode()
    assert response.context.get("confirm_form") is None
    assert "NIP musi mieć 10 cyfr" in content and "Nie ma w Małopolsce gminy o kodzie" in content
    assert "Nieznana branża" in content
    assert not Entity.objects.exists()


def test_rows_match_on_nip_then_krs_then_regon(client, tmp_path):
    by_krs = EntityFactory(nip=None, krs="0000000123", regon=None, name="Stara nazwa KRS")
    text = HEADER + "Nowa nazwa;fundacja;;123;;31-100;Kraków;126101;;\n"
    client.force_login(redaktor())
    response = preview(client, text)
    rows = response.context["result"].rows
    assert [row.import_type for row in rows] == ["update"]
    call_command("import_entities", write(tmp_path, text), verbosity=0)
    by_krs.refresh_from_db()
    assert by_krs.name == "Nowa nazwa" and Entity.objects.count() == 1


def write(tmp_path, text):
    path = tmp_path / "podmioty.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_the_command_imports_a_file_and_reports_a_summary(capsys, tmp_path):
    call_command("import_entities", write(tmp_path, GOOD))
    assert Entity.objects.count() == 2
    assert "nowe: 2" in capsys.readouterr().out
    entity = Entity.objects.get(nip="8567346215")
    assert entity.search_text.strip().startswith("spoldzielnia socjalna")
    assert " razem " in entity.search_text
    assert entity.history.first().history_change_reason.startswith("Import z pliku")


def test_an_import_shows_in_the_registrys_lists_statistics_and_map_at_once(client, settings, tmp_path):
    settings.PAGE_CACHE = (
        True  # the facet index, the statistics and the map are keyed by the registry version
    )
    EntityFactory(name="Fundacja Wcześniejsza")
    assert "Znaleziono 1 podmiot" in " ".join(client.get(reverse("entities:list")).content.decode().split())
    before = registry_version()
    call_command("import_entities", write(tmp_path, GOOD), verbosity=0)
    assert registry_version() != before
    html = " ".join(client.get(reverse("entities:list")).content.decode().split())
    # one imported row is published, the other (no state given) a draft
    assert "Znaleziono 2 podmioty" in html and "Spółdzielnia Socjalna Razem" in html


def test_the_command_writes_nothing_when_one_row_is_invalid(tmp_path):
    bad = GOOD + "Duplikat;fundacja;856-734-62-15;;;31-100;Kraków;126101;;\n"
    with pytest.raises(CommandError, match="Nic nie zapisano"):
        call_command("import_entities", write(tmp_path, bad), verbosity=0)
    assert not Entity.objects.exists()


def test_the_command_reads_xlsx_with_polish_header_variants(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["NAZWA PODMIOTU", "forma", "nip", "kod pocztowy", "Miasto", "TERYT"])
    sheet.append(["Koło Gospodyń Wiejskich w Racławicach", "kgw", 8567346215, "32-200", "Racławice", 1261011])
    path = tmp_path / "kgw.xlsx"
    workbook.save(path)
    call_command("import_entities", str(path), verbosity=0)
    assert Entity.objects.get().legal_form == "kgw"


def test_the_command_refuses_an_unknown_file_type(tmp_path):
    path = tmp_path / "dane.txt"
    path.write_text("x")
    with pytest.raises(CommandError):
        call_command("import_entities", str(path))


def test_the_export_of_the_filtered_list_contains_only_the_filtered_rows(client):
    EntityFactory(name="Opublikowany", state="published")
    EntityFactory(name="Szkic", state="draft")
    client.force_login(redaktor())
    url = reverse("admin:entities_entity_export") + "?state__exact=published"
    response = client.post(
        url, {"format": "0", **{f"entityresource_{f}": "on" for f in ["name", "nip", "state"]}}
    )
    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    assert "Opublikowany" in content and "Szkic" not in content
    assert content.splitlines()[0].startswith("Nazwa")


def test_the_export_to_xlsx(client):
    EntityFactory(name="Do arkusza")
    client.force_login(redaktor())
    response = client.post(
        reverse("admin:entities_entity_export"), {"format": "1", "entityresource_name": "on"}
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][:1] == ["Do arkusza"]


def test_nip_wins_over_krs_and_a_krs_of_another_entity_is_an_error(client):
    by_nip = EntityFactory(nip="8567346215", krs=None, regon=None, name="Po NIP")
    EntityFactory(nip=None, krs="0000000123", regon=None, name="Po KRS")
    text = HEADER + "Zmieniona;fundacja;8567346215;123;;31-100;Kraków;126101;;\n"
    client.force_login(redaktor())
    response = preview(client, text)
    content = response.content.decode()
    assert "KRS 0000000123 ma już inny podmiot: „Po KRS”" in content
    assert response.context.get("confirm_form") is None
    by_nip.refresh_from_db()
    assert by_nip.name == "Po NIP"


def test_a_nip_repeated_within_the_file_is_an_error_on_the_second_row(client):
    text = GOOD + "Druga z tym samym NIP;fundacja;8567346215;;;31-100;Kraków;126101;;\n"
    client.force_login(redaktor())
    content = preview(client, text).content.decode()
    assert "powtarza się w pliku (pierwszy raz w wierszu 1)" in content
    assert not Entity.objects.exists()


def test_a_fixed_file_can_be_imported_after_a_refused_one(client, tmp_path):
    bad = GOOD + "Zła;fundacja;;;;31-100;Kraków;000000;;\n"
    with pytest.raises(CommandError):
        call_command("import_entities", write(tmp_path, bad), verbosity=0)
    call_command("import_entities", write(tmp_path, GOOD), verbosity=0)
    assert Entity.objects.count() == 2


def test_a_file_without_a_name_column_is_refused_with_a_clear_message(client):
    client.force_login(redaktor())
    response = preview(client, "NIP;KRS\n8567346215;123\n")
    assert "nie ma kolumny „Nazwa”" in response.content.decode()
    assert not Entity.objects.exists()


def test_the_command_writes_in_batches_not_row_by_row(tmp_path, django_assert_max_num_queries):
    rows = "".join(f"Fundacja Wsadowa {n};fundacja;;;;31-100;Kraków;126101;kultura;\n" for n in range(300))
    path = write(tmp_path, HEADER + rows)
    with django_assert_max_num_queries(40):
        call_command("import_entities", path, verbosity=0)
    assert Entity.objects.count() == 300
    assert Entity.history.count() == 300
    assert len({e.slug for e in Entity.objects.all()}) == 300


def test_an_import_needs_the_add_permission(client):
    from tests.factories import UserFactory

    client.force_login(UserFactory(username="bez-praw", is_staff=True))
    assert client.get(reverse("admin:entities_entity_import")).status_code == 403


@pytest.mark.parametrize(
    "fmt, payload",
    [("1", b"to nie jest arkusz"), ("0", "Nazwa;NIP\nZła;1\n".encode("iso8859_2"))],
)
def test_an_unreadable_file_is_refused_without_an_error_page(client, fmt, payload):
    client.force_login(redaktor())
    upload = SimpleUploadedFile("plik.xlsx" if fmt == "1" else "plik.csv", payload)
    response = client.post(reverse("admin:entities_entity_import"), {"format": fmt, "import_file": upload})
    assert response.status_code == 200
    assert "Nie udało się odczytać pliku" in str(response.context["form"].errors) or "UTF-8" in str(
        response.context["form"].errors
    )
    assert not Entity.objects.exists()


def test_a_csv_not_in_utf8_gets_a_polish_explanation(client):
    client.force_login(redaktor())
    upload = SimpleUploadedFile("plik.csv", "Nazwa;NIP\nZła;1\n".encode("cp1250"))
    response = client.post(reverse("admin:entities_entity_import"), {"format": "0", "import_file": upload})
    assert "nie jest zapisany w UTF-8" in response.content.decode()


def test_the_admin_export_neutralises_formulae_by_the_same_rule_as_the_open_data_csv(client):
    EntityFactory(name="Fundacja", short_name="@SUM(1+1)")
    client.force_login(redaktor())
    response = client.post(
        reverse("admin:entities_entity_export"), {"format": "0", "entityresource_short_name": "on"}
    )
    assert response.content.decode("utf-8-sig").splitlines()[1] == "'@SUM(1+1)"
