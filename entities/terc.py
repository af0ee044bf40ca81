"""Reading a GUS TERC file and bringing the Powiat and Gmina tables in line with it.

Used by the initial data migration (with historical models) and by the ``load_terc`` command, so both
apply the same rules: a gmina is keyed on its first six digits (WOJ+POW+GMI) because the seventh (RODZ)
changes when a village gets town rights; rows are never deleted, only marked retired, so entities keep
their links.
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

VOIVODESHIP = "12"  # małopolskie
DEFAULT_TERC_FILE = Path(__file__).resolve().parent / "data" / "terc_malopolska_2020-01-01.csv"


@dataclass(frozen=True)
class TercUnit:
    teryt: str
    name: str
    kind: str  # powiat: NAZWA_DOD text; gmina: RODZ digit
    valid_on: datetime.date


@dataclass
class TercFile:
    powiaty: list[TercUnit] = field(default_factory=list)
    gminy: list[TercUnit] = field(default_factory=list)


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)

    def lines(self):
        for title, items in (("Dodano", self.added), ("Zmieniono", self.renamed), ("Wycofano", self.retired)):
            yield f"{title}: {len(items)}"
            for item in items:
                yield f"  {item}"


class TercFormatError(ValueError):
    pass


def read_terc(path: Path | str, voivodeship: str = VOIVODESHIP) -> TercFile:
    """Parse a TERC CSV (WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA), keeping one voivodeship."""
    result = TercFile()
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        missing = {"WOJ", "POW", "GMI", "RODZ", "NAZWA", "NAZWA_DOD", "STAN_NA"} - set(
            reader.fieldnames or []
        )
        if missing:
            raise TercFormatError(f"Brak kolumn w pliku TERC: {', '.join(sorted(missing))}")
        for row in reader:
            if row["WOJ"] != voivodeship or not row["POW"]:
                continue
            try:
                valid_on = datetime.date.fromisoformat(row["STAN_NA"])
            except ValueError as error:
                raise TercFormatError(f"Błędna data STAN_NA: {row['STAN_NA']!r}") from error
            if not row["GMI"]:
                teryt = row["WOJ"] + row["POW"]
                result.powiaty.append(TercUnit(teryt, row["NAZWA"], row["NAZWA_DOD"], valid_on))
            elif row["RODZ"] in ("1", "2", "3"):
                # RODZ 4/5 (town and rural parts of an urban-rural gmina) and 8/9 (city districts) are not gminas.
                teryt = row["WOJ"] + row["POW"] + row["GMI"]
                result.gminy.append(TercUnit(teryt, row["NAZWA"], row["RODZ"], valid_on))
    if not result.powiaty or not result.gminy:
        raise TercFormatError("Plik nie zawiera powiatów ani gmin województwa małopolskiego.")
    known = {unit.teryt for unit in result.powiaty}
    orphans = [unit.teryt for unit in result.gminy if unit.teryt[:4] not in known]
    if orphans:
        raise TercFormatError(f"Gminy bez powiatu w pliku: {', '.join(orphans)}")
    return result


def sync_territory(powiat_model, gmina_model, terc: TercFile) -> SyncReport:
    """Create, rename or retire powiaty and gminy so the tables match the file. Never deletes."""
    report = SyncReport()
    powiaty = {p.teryt: p for p in powiat_model.objects.all()}
    for unit in terc.powiaty:
        _sync_unit(powiat_model, powiaty, unit, {"name": unit.name, "city": "miasto" in unit.kind}, report)
    _retire(powiaty, {u.teryt for u in terc.powiaty}, report)

    powiaty = {p.teryt: p for p in powiat_model.objects.all()}
    gminy = {g.teryt: g for g in gmina_model.objects.all()}
    for unit in terc.gminy:
        values = {"name": unit.name, "kind": unit.kind, "powiat": powiaty[unit.teryt[:4]]}
        _sync_unit(gmina_model, gminy, unit, values, report)
    _retire(gminy, {u.teryt for u in terc.gminy}, report)
    return report


def _sync_unit(model, existing, unit, values, report):
    current = existing.get(unit.teryt)
    if current is None:
        model.objects.create(teryt=unit.teryt, valid_on=unit.valid_on, retired=False, **values)
        report.added.append(f"{unit.teryt} {unit.name}")
        return
    changed = {key: value for key, value in values.items() if getattr(current, key) != value}
    if "name" in changed:
        report.renamed.append(f"{unit.teryt} {current.name} → {unit.name}")
    elif changed or current.retired:
        report.renamed.append(f"{unit.teryt} {unit.name} (zmiana danych)")
    for key, value in values.items():
        setattr(current, key, value)
    current.valid_on = unit.valid_on
    current.retired = False
    current.save()


def _retire(existing, present, report):
    for teryt, unit in existing.items():
        if teryt not in present and not unit.retired:
            unit.retired = True
            unit.save(update_fields=["retired"])
            report.retired.append(f"{teryt} {unit.name}")
