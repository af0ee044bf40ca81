"""Sections of "Moje konto", added by the apps that own them.

An app decorates a function ``(request) -> dict`` with ``@dashboard_section(template, order)``; the dashboard
merges the returned dicts into its context and includes the templates in order. Context keys are shared by
all sections, so an app prefixes its own (``initiative_submissions``, not ``submissions``). Each section
should cost a fixed number of queries: the dashboard's count is pinned in the tests.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable
    order: int


_sections: list[Section] = []


def dashboard_section(template, order):
    def register(context):
        _sections.append(Section(template, context, order))
        _sections.sort(key=lambda section: section.order)
        return context

    return register


def sections_context(request) -> dict:
    context = {"section_templates": [section.template for section in _sections]}
    for section in _sections:
        context.update(section.context(request))
    return context
