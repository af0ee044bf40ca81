"""The licence of the portal's open data (settings OPEN_DATA_LICENCE_*), named in every export and the API."""

from django.conf import settings


def data_licence() -> dict:
    return {"name": settings.OPEN_DATA_LICENCE_NAME, "url": settings.OPEN_DATA_LICENCE_URL}
