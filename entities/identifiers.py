"""Polish identifiers: normalising what people type and checking the checksums (see shared DOMAIN.md).

Each normaliser takes what a person typed (with dashes, spaces, a 'PL' prefix) and returns the stored form,
or raises ValidationError with a Polish message. python-stdnum does the checksum arithmetic.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

_SEPARATORS = re.compile(r"[\s\-.]")


def _digits(value: str) -> str:
    return _SEPARATORS.sub("", value or "")


def normalize_nip(value: str) -> str:
    compact = _digits(value).upper().removeprefix("PL")
    if not re.fullmatch(r"\d{10}", compact):
        raise ValidationError(_("NIP musi mieć 10 cyfr (np. 856-734-62-15)."), code="nip_format")
    try:
        stdnum_nip.validate(compact)
    except StdnumError:
        raise ValidationError(
            _("NIP %(value)s ma błędną cyfrę kontrolną. Sprawdź, czy nie ma literówki."),
            code="nip_checksum",
            params={"value": value},
        ) from None
    return compact


def normalize_regon(value: str) -> str:
    compact = _digits(value)
    if not re.fullmatch(r"\d{9}|\d{14}", compact):
        raise ValidationError(_("REGON musi mieć 9 albo 14 cyfr."), code="regon_format")
    if len(compact) == 14 and not stdnum_regon.is_valid(compact[:9]):
        raise ValidationError(
            _("Pierwsze 9 cyfr REGON-u %(value)s nie tworzy poprawnego numeru REGON."),
            code="regon_checksum",
            params={"value": value},
        )
    if not stdnum_regon.is_valid(compact):
        raise ValidationError(
            _("REGON %(value)s ma błędną cyfrę kontrolną. Sprawdź, czy nie ma literówki."),
            code="regon_checksum",
            params={"value": value},
        )
    return compact


def normalize_krs(value: str) -> str:
    compact = _digits(value)
    if not re.fullmatch(r"\d{1,10}", compact) or int(compact) == 0:
        raise ValidationError(
            _("Numer KRS składa się z najwyżej 10 cyfr (np. 0000123456)."), code="krs_format"
        )
    return compact.zfill(10)


def normalize_postal_code(value: str) -> str:
    compact = _digits(value)
    if not re.fullmatch(r"\d{5}", compact):
        raise ValidationError(_("Kod pocztowy ma postać NN-NNN (np. 31-123)."), code="postal_code_format")
    return f"{compact[:2]}-{compact[2:]}"


def format_nip(value: str) -> str:
    return f"{value[:3]}-{value[3:6]}-{value[6:8]}-{value[8:]}" if value and len(value) == 10 else value


class NormalizedCharField(models.CharField):
    """A CharField that stores a normalised form: 'PL 856-734-62-15' is kept as '8567346215'.

    Blank input becomes NULL, so optional identifiers can be unique when present.
    """

    normalizer = None

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value is None or not value.strip():
            return None if self.null else ""
        return type(self).normalizer(value)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value is not None and not isinstance(value, str):
            value = str(value)
        value = self.to_python(value)
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        # People type separators and prefixes; the stored form is checked after normalising.
        return super().formfield(**{"max_length": 40, **kwargs})


class NipField(NormalizedCharField):
    normalizer = staticmethod(normalize_nip)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(*args, **kwargs)


class RegonField(NormalizedCharField):
    normalizer = staticmethod(normalize_regon)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 14)
        super().__init__(*args, **kwargs)


class KrsField(NormalizedCharField):
    normalizer = staticmethod(normalize_krs)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        super().__init__(*args, **kwargs)


class PostalCodeField(NormalizedCharField):
    normalizer = staticmethod(normalize_postal_code)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 6)
        kwargs.setdefault("null", False)
        super().__init__(*args, **kwargs)
