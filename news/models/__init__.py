from .event import Event, EventQuerySet
from .film import Film, FilmQuerySet
from .page import Page
from .post import Category, Post, PostQuerySet
from .publishing import Publishable, PublishableQuerySet

__all__ = [
    "Category",
    "Event",
    "EventQuerySet",
    "Film",
    "FilmQuerySet",
    "Page",
    "Post",
    "PostQuerySet",
    "Publishable",
    "PublishableQuerySet",
]
