"""Demo publications with real, small PDF files made here with fpdf2 (no binary files in the repository).

The PDFs use DejaVu Sans when the system has it (Debian's fonts-dejavu-core), so Polish letters show; without
it they fall back to the built-in Helvetica with the text folded to ASCII. Each says it is a demo document.
"""

import datetime
import logging
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from fpdf import FPDF

from entities.models import Entity
from initiatives.models import Initiative
from knowledge.models import Kind, Publication, PublicationFile, Theme
from wortal.text import fold

FONT_PATHS = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
]
DEMO_NOTE = "Dokument demonstracyjny Małopolskiego Wortalu Ekonomii Społecznej – treść przykładowa."

PUBLICATIONS = [
    {
        "slug": "przedsiebiorstwa-spoleczne-w-malopolsce-diagnoza",
        "title": "Przedsiębiorstwa społeczne w Małopolsce. Diagnoza",
        "kind": Kind.REPORT,
        "authors": "Regionalny Ośrodek Polityki Społecznej w Krakowie (przykład)",
        "year": 2025,
        "themes": ["badania-i-diagnozy"],
        "summary": (
            "<p>Raport opisuje przedsiębiorstwa społeczne działające w Małopolsce: ich liczbę, formy prawne, "
            "branże, zatrudnienie osób zagrożonych wykluczeniem i współpracę z samorządami.</p>"
            "<h2>Najważniejsze wnioski</h2><ul><li>Najwięcej przedsiębiorstw społecznych działa w usługach "
            "gastronomicznych i opiekuńczych.</li><li>Co trzecie korzysta z zamówień publicznych z klauzulami "
            "społecznymi.</li><li>Barierą rozwoju jest dostęp do finansowania zwrotnego.</li></ul>"
        ),
        "file_label": "Pełny raport",
        "pages": [
            (
                "Wprowadzenie",
                "Diagnoza powstała na potrzeby Małopolskiego Paktu na rzecz Ekonomii Społecznej. Badaniem objęto "
                "spółdzielnie socjalne, fundacje, stowarzyszenia i spółki non profit posiadające status "
                "przedsiębiorstwa społecznego.",
            ),
            (
                "Zatrudnienie",
                "Wskaźnik trwałości miejsc pracy po zakończeniu wsparcia wyniósł w badanej grupie 78 procent. "
                "Najczęściej zatrudniane są osoby z niepełnosprawnościami i osoby długotrwale bezrobotne.",
            ),
            (
                "Rekomendacje",
                "Rekomendujemy rozwój systemu monitorowania przedsiębiorstw społecznych oraz pomiar ich "
                "wpływu społecznego we współpracy z samorządami powiatowymi.",
            ),
        ],
        "pakt": True,
    },
    {
        "slug": "zamowienia-spoleczne-krok-po-kroku",
        "title": "Zamówienia społeczne krok po kroku",
        "kind": Kind.GUIDE,
        "authors": "Zespół redakcyjny Wortalu (przykład)",
        "year": 2026,
        "themes": ["zamowienia-i-klauzule-spoleczne", "wspolpraca-z-samorzadem"],
        "summary": (
            "<p>Poradnik dla gmin i powiatów: jak zastosować klauzule społeczne i zamówienia zastrzeżone, by "
            "kupować usługi od podmiotów ekonomii społecznej zgodnie z prawem zamówień publicznych.</p>"
        ),
        "file_label": "Poradnik (PDF)",
        "pages": [
            (
                "Klauzule społeczne",
                "Zamówienie zastrzeżone pozwala ograniczyć krąg wykonawców do spółdzielni socjalnych i innych "
                "podmiotów zatrudniających osoby wykluczone. Opisujemy przykładowe zapisy specyfikacji.",
            ),
            (
                "Przykład gminy",
                "Gmina zamówiła catering dla szkół u spółdzielni socjalnej, stosując kryterium zatrudnienia osób "
                "bezrobotnych przy realizacji zamówienia.",
            ),
        ],
        "pakt": False,
    },
    {
        "slug": "jak-zalozyc-spoldzielnie-socjalna",
        "title": "Jak założyć spółdzielnię socjalną",
        "kind": Kind.PRESENTATION,
        "authors": "Ośrodek Wsparcia Ekonomii Społecznej (przykład)",
        "year": 2024,
        "themes": ["zakladanie-i-prowadzenie-pes", "finansowanie"],
        "summary": (
            "<p>Prezentacja ze spotkania informacyjnego: kto może założyć spółdzielnię socjalną, jakie są etapy "
            "rejestracji w KRS i skąd wziąć środki na start.</p>"
        ),
        "file_label": "Slajdy (PDF)",
        "pages": [
            ("Założyciele", "Spółdzielnię socjalną może założyć co najmniej pięć osób fizycznych."),
            ("Finansowanie", "Dotacje na utworzenie miejsca pracy i wsparcie pomostowe oferują OWES."),
        ],
        "pakt": False,
    },
    {
        "slug": "deklaracja-przystapienia-do-paktu-wzor",
        "title": "Deklaracja przystąpienia do Małopolskiego Paktu – wzór",
        "kind": Kind.TEMPLATE,
        "authors": "Sekretariat Małopolskiego Paktu (przykład)",
        "year": 2026,
        "themes": ["wspolpraca-z-samorzadem"],
        "summary": (
            "<p>Wzór deklaracji, którą organizacja, instytucja lub firma składa, przystępując do Małopolskiego "
            "Paktu na rzecz Ekonomii Społecznej. Deklarację można też złożyć przez portal, z konta organizacji.</p>"
        ),
        "file_label": "Wzór deklaracji",
        "pages": [
            (
                "Deklaracja",
                "Deklarujemy przystąpienie do Małopolskiego Paktu na rzecz Ekonomii Społecznej i wspieranie jego "
                "celów: rozwoju przedsiębiorczości społecznej i współpracy międzysektorowej.",
            )
        ],
        "pakt": True,
    },
]


def _font_path():
    return next((path for path in FONT_PATHS if path.exists()), None)


def make_pdf(title: str, pages: list[tuple[str, str]]) -> bytes:
    """A small real PDF: a title page and one page per section, with the demo note on each."""
    # fontTools reports every glyph subset at INFO; the demo command's output stays readable without it.
    logging.getLogger("fontTools").setLevel(logging.WARNING)
    pdf = FPDF()
    font = _font_path()
    if font:
        pdf.add_font("DejaVu", fname=str(font))
        pdf.set_font("DejaVu", size=12)
        text = str
    else:
        pdf.set_font("Helvetica", size=12)
        text = fold
    pdf.set_title(text(title))
    pdf.set_lang("pl")
    pdf.add_page()
    pdf.set_font_size(20)
    pdf.multi_cell(0, 10, text(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font_size(10)
    pdf.multi_cell(0, 6, text(DEMO_NOTE), new_x="LMARGIN", new_y="NEXT")
    for heading, body in pages:
        pdf.add_page()
        pdf.set_font_size(16)
        pdf.multi_cell(0, 9, text(heading), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font_size(12)
        pdf.multi_cell(0, 7, text(body), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font_size(9)
        pdf.multi_cell(0, 6, text(DEMO_NOTE), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def seed_publications() -> list[Publication]:
    """Create the demo publications with their PDFs once; existing ones (by slug) are left as they are."""
    created = []
    entities = list(Entity.objects.published().order_by("pk")[:2])
    initiatives = list(Initiative.objects.published().order_by("pk")[:2])
    for index, data in enumerate(PUBLICATIONS):
        if Publication.objects.filter(slug=data["slug"]).exists():
            continue
        with transaction.atomic():
            created.append(
                _create(data, entities if index == 0 else [], initiatives if index == 0 else [], index)
            )
    return created


def _create(data, entities, initiatives, index):
    publication = Publication.objects.create(
        slug=data["slug"],
        title=data["title"],
        kind=data["kind"],
        authors=data["authors"],
        year=data["year"],
        summary=data["summary"],
        is_published=True,
        published_at=timezone.now() - datetime.timedelta(days=30 - index),
    )
    publication.themes.set(Theme.objects.filter(slug__in=data["themes"]))
    publication.related_entities.set(entities)
    publication.related_initiatives.set(initiatives)
    document = PublicationFile(publication=publication, label=data["file_label"], format="pdf")
    content = make_pdf(data["title"], data["pages"])
    document.original_name = f"{data['slug']}.pdf"
    document.size = len(content)
    document.file.save("plik.pdf", ContentFile(content), save=True)
    document.extract()
    return publication


def pakt_documents() -> list[Publication]:
    """The demo publications that are Pakt documents (the Pakt's demo links them)."""
    slugs = [data["slug"] for data in PUBLICATIONS if data["pakt"]]
    return list(Publication.objects.filter(slug__in=slugs))
