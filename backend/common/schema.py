"""OpenAPI post-processing: every operation documents the error answers it can give, in the one error shape."""

ERROR_COMPONENT = "Error"

ERROR_SCHEMA = {
    "type": "object",
    "description": "The one error shape (docs/api.md): a stable code, a sentence, and for input errors the fields at fault.",
    "properties": {
        "code": {"type": "string", "description": "Machine-readable and stable, e.g. validation_error, not_found."},
        "detail": {"type": "string", "description": "A sentence for people."},
        "fields": {
            "type": "object",
            "description": "Input errors only: the field or query parameter at fault (dotted when nested) → its messages.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["code", "detail"],
}

# What any operation may answer, whatever its view: bad input or a malformed request (400), a missing,
# expired or forged token — also on public operations, which read a bearer token when one is sent (401),
# a refusal (403), a hidden or missing object (404), a rule of the current state (409), a throttle (429).
COMMON_ERRORS = {
    "400": "Invalid input, query parameter or request: `fields` names what is at fault.",
    "401": "Not signed in, or the token is invalid or expired.",
    "403": "Signed in, but not allowed to do this.",
    "404": "Not found, or not visible to the caller (a hidden object and a missing one look the same).",
    "409": "Refused by a rule of the current state (the code says which).",
    "429": "Throttled; `Retry-After` says when to try again.",
}
# Only operations that take a body can be refused for its size or media type.
BODY_ERRORS = {
    "413": "The body is over the size limit.",
    "415": "The body is not JSON.",
}


# Every text input refuses a NUL character (DRF's CharField, the Jitsi event parser; PostgreSQL could not
# store it): say so in the schema, or a schema-valid string would be refused.
NO_NUL_PATTERN = "^[^\\u0000]*$"


def _forbid_nul(schema) -> None:
    """Add NO_NUL_PATTERN to every free-text string in this (request) schema, recursively."""
    if isinstance(schema, list):
        for item in schema:
            _forbid_nul(item)
        return
    if not isinstance(schema, dict):
        return
    if schema.get("type") == "string" and not ({"pattern", "format", "enum"} & set(schema)):
        schema["pattern"] = NO_NUL_PATTERN
    for key in ("properties", "additionalProperties", "items", "allOf", "anyOf", "oneOf", "schema"):
        value = schema.get(key)
        if key == "properties" and isinstance(value, dict):
            for child in value.values():
                _forbid_nul(child)
        elif value is not None:
            _forbid_nul(value)


def forbid_nul_in_inputs(result, generator, request, public):
    """drf-spectacular postprocessing hook: request bodies and query parameters refuse NUL characters."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request"):  # COMPONENT_SPLIT_REQUEST: the input side of each serializer
            _forbid_nul(component)
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict):
                continue
            for parameter in operation.get("parameters", []):
                _forbid_nul(parameter.get("schema"))
            for media in operation.get("requestBody", {}).get("content", {}).values():
                _forbid_nul(media.get("schema"))
    return result


def add_error_responses(result, generator, request, public):
    """drf-spectacular postprocessing hook: add the shared error answers to every operation.

    Answers an operation already documents (with a more specific description) are kept.
    """
    components = result.setdefault("components", {}).setdefault("schemas", {})
    components[ERROR_COMPONENT] = ERROR_SCHEMA
    reference = {"$ref": f"#/components/schemas/{ERROR_COMPONENT}"}
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = operation.setdefault("responses", {})
            errors = dict(COMMON_ERRORS)
            if "requestBody" in operation:
                errors.update(BODY_ERRORS)
            for status, description in errors.items():
                responses.setdefault(status, {"description": description, "content": {"application/json": {"schema": reference}}})
    return result
