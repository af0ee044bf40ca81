"""`make run` stays safe to repeat whatever people did in the demo since: the demo commands of the Makefile's
`demo` target run twice around a member's new submissions (another change, a claim) without an error and
without adding anything the second time."""

import re
import shlex
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from entities.models import Claim, Entity, EntitySubmission, Membership
from initiatives.models import InitiativeSubmission
from news.models import Post
from tests import factories

pytestmark = pytest.mark.django_db


def demo_commands():
    """The management commands of the Makefile's `demo` target, with their arguments."""
    makefile = (Path(settings.BASE_DIR) / "Makefile").read_text()
    target = re.search(r"^demo:.*\n((?:\t.*\n)+)", makefile, re.MULTILINE).group(1)
    commands = []
    for line in target.splitlines():
        if match := re.search(r"manage\.py (.+)$", line):
            words = shlex.split(match.group(1).replace("$(DEMO_ENTITIES)", "60"))
            commands.append((words[0], words[1:]))
    return commands


def run_demo():
    for name, args in demo_commands():
        call_command(name, *args, verbosity=0)


def counts():
    return {
        "entities": Entity.objects.count(),
        "members": Membership.objects.count(),
        "submissions": EntitySubmission.objects.count(),
        "claims": Claim.objects.count(),
        "reports": InitiativeSubmission.objects.count(),
        "posts": Post.objects.count(),
    }


def test_the_demo_commands_run_twice_around_a_members_new_submissions(client, settings):
    settings.DEBUG = True
    assert {"seed_demo", "seed_content", "seed_demo_members"} <= {name for name, _args in demo_commands()}
    run_demo()
    member = get_user_model().objects.get(email="czlonek@example.org")
    own = Membership.objects.filter(user=member).order_by("pk").first().entity
    # Through the site: another proposed change of the member's organisation and a claim of another one.
    factories.EntitySubmissionFactory(entity=own, submitted_by=member, data={"phone": "+48 12 000 00 00"})
    other = Entity.objects.published().exclude(pk=own.pk).order_by("-pk").first()
    client.force_login(member)
    response = client.post(
        reverse("member:claim", args=[other.slug]), {"justification": "Jestem prezeską zarządu tej fundacji."}
    )
    assert response.status_code == 302
    before = counts()

    run_demo()

    assert counts() == before
