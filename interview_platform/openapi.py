"""OpenAPI post-processing: every operation documents the errors it can answer, each with the
error envelope's schema, so clients (and schemathesis) can rely on the shape of every error.

- 400 where the operation takes a body or query parameters,
- 401 where a bearer token or session is read (an invalid token is refused even on public
  operations), 403 where a signed-in user may still be refused,
- 404 where the path names a resource,
and any documented 4xx/5xx without a body gets the envelope.
"""

from __future__ import annotations

METHODS = {"get", "put", "patch", "post", "delete", "head", "options", "trace"}

ENVELOPE = {
    "type": "object",
    "description": "Every error, from any layer.",
    "properties": {
        "success": {"type": "boolean", "enum": [False]},
        "error": {
            "type": "object",
            "properties": {
                "type": {
                    "type": "string",
                    "enum": [
                        "auth_error",
                        "validation_error",
                        "ai_service_error",
                        "database_error",
                        "rate_limit_error",
                        "network_error",
                        "internal_error",
                    ],
                },
                "message": {"type": "string"},
                "code": {"type": "string"},
                "details": {"nullable": True},
            },
            "required": ["type", "message", "code", "details"],
        },
        "requestId": {"type": "string"},
        "timestamp": {"type": "string", "format": "date-time"},
    },
    "required": ["success", "error", "requestId", "timestamp"],
}
ENVELOPE_REF = {"$ref": "#/components/schemas/ErrorEnvelope"}
DESCRIPTIONS = {
    "400": "Invalid input: the error envelope, field errors in `error.details.fields`.",
    "401": "Not signed in, or the token is expired, invalid or revoked: the error envelope.",
    "403": "Not allowed: the error envelope.",
    "404": "No such resource (or not the caller's): the error envelope.",
}


def _documented_errors(operation: dict, path: str) -> list[str]:
    parameters = operation.get("parameters", [])
    security = operation.get("security", [])
    schemes = [scheme for scheme in security if scheme]
    anonymous = any(not scheme for scheme in security)
    codes = []
    if "requestBody" in operation or any(p.get("in") == "query" for p in parameters):
        codes.append("400")
    if schemes:
        codes.append("401")
        if not anonymous:
            codes.append("403")
    if "{" in path:
        codes.append("404")
    return codes


def document_errors(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["ErrorEnvelope"] = ENVELOPE
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            responses = operation.setdefault("responses", {})
            for code in _documented_errors(operation, path):
                responses.setdefault(code, {"description": DESCRIPTIONS[code]})
            for code, response in responses.items():
                if str(code)[0] in "45" and not response.get("content"):
                    response["content"] = {"application/json": {"schema": ENVELOPE_REF}}
    return result
