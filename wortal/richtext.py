"""Editor-written HTML, cleaned with nh3 (the Ammonia sanitiser) before it is stored and again when shown.

Only headings, paragraphs, lists, links, bold/italic, quotes and line breaks survive. Scripts, styles,
iframes, event handlers and ``javascript:`` links are removed; links get ``rel="noopener"``.
"""

import re

import nh3
from django.db import models
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "a", "strong", "em", "b", "i", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# Where a block ends, plain text needs a break, or "Program</h2><ol><li>Powitanie" reads "ProgramPowitanie".
_BLOCK_END = re.compile(r"<(?:br\s*/?|/p|/h[2-4]|/li|/blockquote)>", re.IGNORECASE)


def sanitize_html(html: str) -> str:
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    ).strip()


def render_html(html: str) -> str:
    """Safe markup for a template. Cleaning again costs microseconds and guards rows written around save()."""
    return mark_safe(sanitize_html(html))


def plain_text(html: str, keep_lines: bool = False) -> str:
    """Text for meta descriptions (one line) and calendars (``keep_lines``: one line per block)."""
    text = strip_tags(_BLOCK_END.sub("\n", sanitize_html(html)))
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return ("\n" if keep_lines else " ").join(line for line in lines if line)


class RichTextField(models.TextField):
    """A TextField whose value is sanitised whenever the model is saved."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
