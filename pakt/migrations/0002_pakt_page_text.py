"""The starting text of /pakt/; editors keep it current in the admin ("Strona Paktu")."""

from django.db import migrations

INTRO = "Porozumienie instytucji, samorządów, organizacji i firm na rzecz rozwoju ekonomii społecznej w Małopolsce."
BODY = """<p>Małopolski Pakt na rzecz Ekonomii Społecznej to porozumienie instytucji publicznych, samorządów, organizacji pozarządowych, podmiotów ekonomii społecznej i przedsiębiorstw, które chcą wspólnie rozwijać ekonomię społeczną w regionie.</p>
<h2>Co robią członkowie Paktu</h2>
<ul>
<li>Spotykają się kilka razy w roku, by wymieniać doświadczenia i uzgadniać wspólne działania.</li>
<li>Promują zakupy społecznie odpowiedzialne i współpracę samorządów z podmiotami ekonomii społecznej.</li>
<li>Współtworzą badania i dokumenty, m.in. diagnozę przedsiębiorstw społecznych w Małopolsce.</li>
</ul>
<h2>Jak przystąpić</h2>
<p>Organizacja zarejestrowana w portalu składa deklarację ze swojego konta; instytucja spoza bazy podmiotów także może złożyć deklarację po założeniu konta. Deklarację rozpatruje redakcja portalu.</p>"""


def create(apps, schema_editor):
    apps.get_model("pakt", "PaktPage").objects.get_or_create(pk=1, defaults={"intro": INTRO, "body": BODY})


class Migration(migrations.Migration):
    dependencies = [("pakt", "0001_members_meetings_documents_declarations")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
