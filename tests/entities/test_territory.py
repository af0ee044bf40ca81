import pytest
from django.core.management import CommandError, call_command

from entities.models import Gmina, Powiat
from entities.terc import DEFAULT_TERC_FILE
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def test_the_migration_loads_22_powiaty_and_182_gminy():
    assert Powiat.objects.count() == 22
    assert Gmina.objects.count() == 182
    assert Powiat.objects.filter(city=True).count() == 3
    assert Gmina.objects.filter(kind=Gmina.Kind.URBAN).count() == 14
    assert Gmina.objects.filter(kind=Gmina.Kind.RURAL).count() == 120
    assert Gmina.objects.filter(kind=Gmina.Kind.URBAN_RURAL).count() == 48


def test_it_keys_gminy_on_six_digits_and_keeps_the_date_of_the_list():
    krakow = Gmina.objects.get(teryt="126101")
    assert krakow.name == "Kraków"
    assert str(krakow.valid_on) == "2020-01-01"
    assert all(len(code) == 6 for code in Gmina.objects.values_list("teryt", flat=True))


def test_repeated_names_are_kept_apart_by_kind_and_powiat():
    bochnia = Gmina.objects.filter(name="Bochnia")
    assert {g.get_kind_display() for g in bochnia} == {"gmina miejska", "gmina wiejska"}
    boleslaw = Gmina.objects.filter(name="Bolesław").select_related("powiat")
    assert len({str(g) for g in boleslaw}) == 2
    assert {g.powiat.name for g in boleslaw} == {"dąbrowski", "olkuski"}


def _newer_file(tmp_path, edit):
    lines = DEFAULT_TERC_FILE.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "terc.csv"
    path.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    return path


def test_reloading_a_newer_list_renames_adds_and_retires_without_breaking_links(tmp_path, capsys):
    entity = EntityFactory(gmina=Gmina.objects.get(teryt="120101"))

    def edit(lines):
        out = []
        for line in lines:
            if line.startswith("12;01;01;1;Bochnia"):
                line = line.replace(
                    "Bochnia;gmina miejska;2020-01-01", "Bochnia Królewska;gmina miejska;2026-01-01"
                )
            if line.startswith("12;01;07;"):  # Rzezawa disappears
                continue
            out.append(line.replace("2020-01-01", "2026-01-01"))
        out.append("12;01;10;2;Nowa Gmina;gmina wiejska;2026-01-01")
        return out

    call_command("load_terc", str(_newer_file(tmp_path, edit)))
    output = capsys.readouterr().out
    assert "Dodano: 1" in output and "120110 Nowa Gmina" in output
    assert "Bochnia → Bochnia Królewska" in output
    assert "Wycofano: 1" in output

    entity.refresh_from_db()
    assert entity.gmina.name == "Bochnia Królewska"
    retired = Gmina.objects.get(teryt="120107")
    assert retired.retired and Gmina.objects.current().filter(teryt="120107").count() == 0
    assert Gmina.objects.count() == 183


def test_a_village_getting_town_rights_changes_kind_not_identity(tmp_path):
    before = Gmina.objects.get(teryt="120102")

    def edit(lines):
        return [
            line.replace("12;01;02;2;Bochnia;gmina wiejska", "12;01;02;3;Bochnia;gmina miejsko-wiejska")
            for line in lines
        ]

    call_command("load_terc", str(_newer_file(tmp_path, edit)))
    after = Gmina.objects.get(teryt="120102")
    assert after.pk == before.pk and after.kind == Gmina.Kind.URBAN_RURAL


def test_dry_run_changes_nothing(tmp_path):
    path = _newer_file(tmp_path, lambda lines: [line for line in lines if not line.startswith("12;01;07;")])
    call_command("load_terc", str(path), "--dry-run")
    assert not Gmina.objects.get(teryt="120107").retired


def test_it_refuses_a_file_that_is_not_a_terc_list(tmp_path):
    path = tmp_path / "zly.csv"
    path.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Brak kolumn"):
        call_command("load_terc", str(path))
    assert Gmina.objects.count() == 182
