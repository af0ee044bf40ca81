"""Additions to the generated OpenAPI document: the error answers every operation can give."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
BAD_FILTER = {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}}


def add_error_responses(result, generator, request, public):
    """404 for a detail, 400 for a list's bad filter, 429 (with Retry-After) for every operation."""
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            if "{slug}" in path:
                responses["404"] = _json("Nie ma takiego opublikowanego obiektu.", ERROR)
            else:
                responses["400"] = _json("Niepoprawna wartość filtra albo numer strony.", BAD_FILTER)
                responses["404"] = _json("Nie ma strony o tym numerze.", ERROR)
            throttled = _json("Przekroczony limit zapytań z jednego adresu.", ERROR)
            throttled["headers"] = {
                "Retry-After": {
                    "schema": {"type": "integer"},
                    "description": "Po ilu sekundach spróbować ponownie.",
                }
            }
            responses["429"] = throttled
    return result


def _json(description, schema):
    return {"description": description, "content": {"application/json": {"schema": schema}}}
