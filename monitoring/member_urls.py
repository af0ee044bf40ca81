from django.urls import path

from monitoring import member_views

app_name = "monitoring_member"
urlpatterns = [
    path("monitoring/", member_views.index, name="index"),
    path("monitoring/<int:pk>/", member_views.report, name="report"),
    path("monitoring/podmiot/<slug:slug>/", member_views.history, name="history"),
]
