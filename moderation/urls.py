from django.urls import path

from moderation import views

app_name = "moderation"
urlpatterns = [
    path("zgloszenia/obrazy/<str:label>/<int:pk>/", views.submission_image, name="submission_image"),
]
