from django.urls import path

from entities import statistics

app_name = "statistics"
urlpatterns = [
    path("", statistics.statistics, name="index"),
    path("<slug:chart>.csv", statistics.statistics_csv, name="csv"),
]
