from django.urls import path

from news.feeds import LatestPostsAtomFeed, LatestPostsFeed
from news.views import events, films, posts
from wortal.cache import public_page

app_name = "news"
urlpatterns = [
    path("aktualnosci/", posts.post_list, name="list"),
    path("aktualnosci/rss/", public_page(LatestPostsFeed()), name="rss"),
    path("aktualnosci/atom/", public_page(LatestPostsAtomFeed()), name="atom"),
    path("aktualnosci/<slug:slug>/", posts.post_detail, name="detail"),
    path("filmy/", films.film_list, name="film_list"),
    path("filmy/<slug:slug>/", films.film_detail, name="film_detail"),
    path("wydarzenia/", events.event_list, name="event_list"),
    path("wydarzenia/archiwum/", events.past_event_list, name="past_event_list"),
    path("wydarzenia.ics", events.upcoming_events_ics, name="events_ics"),
    path("wydarzenia/<slug:slug>/", events.event_detail, name="event_detail"),
    path("wydarzenia/<slug:slug>.ics", events.event_ics, name="event_ics"),
]
