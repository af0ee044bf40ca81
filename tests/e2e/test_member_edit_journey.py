"""Journey 3: a member proposes a new description for their organisation; the public profile keeps the old
text until an editor approves the change, and then shows the new one."""

import re

import pytest

from tests import factories
from tests.e2e.accounts import editor_approves, member_signs_in, verified_editor
from tests.e2e.browser import expect, screenshot

OLD = "Catering z lokalnych produktów i kuchnia dla szkół."
NEW = "Gotujemy obiady dla szkół i przedszkoli z Podhala, zatrudniając osoby po długim bezrobociu."


@pytest.fixture
def organisation():
    entity = factories.EntityFactory(name="Spółdzielnia Socjalna Smaki Gorców", description=OLD)
    factories.member_of(entity, "prezeska@smakigorcow.example.org")
    return entity


@pytest.fixture
def editor():
    return verified_editor()


def test_a_members_new_description_goes_public_only_after_the_editor_approves_it(
    page, viewport, organisation, editor
):
    member_signs_in(page, "prezeska@smakigorcow.example.org")
    # The visually hidden part of the link names the organisation for screen readers.
    page.get_by_role(
        "link", name=re.compile(r"^Zaproponuj zmiany\W+Spółdzielnia Socjalna Smaki Gorców")
    ).click()
    description = page.get_by_label("Opis", exact=True)
    expect(description).to_have_value(OLD)
    description.fill(NEW)
    page.get_by_role("button", name="Wyślij propozycję zmian").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moje konto")
    expect(page.get_by_role("region", name="Moje zgłoszenia", exact=True)).to_contain_text(
        "oczekuje na decyzję"
    )

    # The public profile, seen by the member and by anyone else, keeps the approved text meanwhile.
    page.goto(organisation.get_absolute_url())
    expect(page.locator("main")).to_contain_text(OLD)
    expect(page.locator("main")).not_to_contain_text(NEW)

    editor_approves(page, editor, organisation.name)

    page.goto(organisation.get_absolute_url())
    expect(page.locator("main")).to_contain_text(NEW)
    expect(page.locator("main")).not_to_contain_text(OLD)
    screenshot(page, "journey-profile-after-approved-change", viewport)
    assert page.console_errors == []
