"""OpenAPI post-processing: every operation documents the errors it can answer, each with the
error envelope's schema, so clients (and schemathesis) can rely on the shape of every error.

- 400 where the operation takes a body or query parameters,
- 401 where a bearer token or session is read (an invalid token is refused even on public
  operations), 403 where a signed-in user may still be refused,
- 404 where the path names a resource or the list is paginated (a page past the last),
- 409 on writes to sessions and answers (a session or analysis in another state),
and any documented 4xx/5xx without a body gets the envelope.

Query parameters are documented by their camelCase names (`isActive`, `fromDate`), as the wire
carries them (`params.query_param`/`query_params` also accept the snake_case spelling), and
`page`/`pageSize` with the bounds `pagination.PageNumberPagination` enforces.
"""

from __future__ import annotations

import copy
import re

from djangorestframework_camel_case.util import camelize_re, underscore_to_camel

from .api.schema import NOT_BLANK

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
    "404": "No such resource (or not the caller's), or a page past the last: the error envelope.",
    "429": "A limit was reached (Retry-After, `error.details.retryAfter`): the error envelope.",
    "409": "The session or analysis is not in a state that allows this: the error envelope.",
    "415": "The body is not in a documented content type (JSON; multipart for uploads): the "
    "error envelope.",
}
# Writes on practice sessions and answers can meet a session or analysis in another state
# (already completed or abandoned, expired, moved on by a concurrent request, still running).
CONFLICTING_PREFIXES = (
    "/api/sessions",
    "/api/analysis",
    "/api/jobs/profiles/{profile_id}/sessions",
)
CONFLICTING_METHODS = {"post", "put", "patch"}
# The plan's daily session limit answers 429 (with Retry-After) even with rate limits off.
DAILY_LIMITED = {("/api/sessions", "post"), ("/api/jobs/profiles/{profile_id}/sessions", "post")}


def _documented_errors(operation: dict, path: str, method: str) -> list[str]:
    parameters = operation.get("parameters", [])
    security = operation.get("security", [])
    schemes = [scheme for scheme in security if scheme]
    anonymous = any(not scheme for scheme in security)
    codes = []
    if "requestBody" in operation or any(p.get("in") == "query" for p in parameters):
        codes.append("400")
    if "requestBody" in operation:
        codes.append("415")
    if schemes:
        codes.append("401")
        if not anonymous:
            codes.append("403")
    if "{" in path or any(p.get("name") == "page" for p in parameters):
        codes.append("404")  # no such resource, or a page past the last
    if method in CONFLICTING_METHODS and path.startswith(CONFLICTING_PREFIXES):
        codes.append("409")
        codes.append("404")  # the session or question the body names
    if (path, method) in DAILY_LIMITED:
        codes.append("429")
    return codes


PAGE_SCHEMAS = {
    "page": {"type": "integer", "minimum": 1, "default": 1},
    "pageSize": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
}
QUERY_NAMES = (
    "Query parameters are camelCase like the bodies (`pageSize`, `isActive`, `fromDate`); each "
    "is also accepted in snake_case (`page_size`, `is_active`, `from_date`)."
)


# Request bodies that need one of several fields (each alone is optional in its serializer).
ONE_OF_REQUIRED = {
    "ReauthenticateRequest": [["password"], ["code"]],
    "GoogleOAuthRequest": [["idToken"], ["code", "redirectUri"]],
}


# Request bodies where `category: custom` needs the role's name in `customCategory` (not blank
# once trimmed): the serializers' and `session_start`'s rule, stated so that a client (and
# schemathesis) can tell a valid body from one the API refuses.
CUSTOM_CATEGORY_BODIES = (
    "QuestionWriteRequest",
    "PatchedQuestionWriteRequest",
    "GenerateInputRequest",
    "SessionStartRequest",
)
CUSTOM_CATEGORY_RULE = [
    {"properties": {"category": {"not": {"enum": ["custom"]}}}},
    {"required": ["customCategory"], "properties": {"customCategory": {"pattern": NOT_BLANK}}},
]


def _require_body(operation: dict) -> None:
    """A body that needs one of its fields cannot be left out."""
    for media in operation.get("requestBody", {}).get("content", {}).values():
        if media.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1] in ONE_OF_REQUIRED:
            operation["requestBody"]["required"] = True


def _document_query(operation: dict) -> None:
    for parameter in operation.get("parameters", []):
        if parameter.get("in") != "query":
            continue
        parameter["name"] = re.sub(camelize_re, underscore_to_camel, parameter["name"])
        if parameter["name"] in PAGE_SCHEMAS:
            parameter["schema"] = dict(PAGE_SCHEMAS[parameter["name"]])


def document_errors(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["ErrorEnvelope"] = ENVELOPE
    schemas = result["components"]["schemas"]
    for name, alternatives in ONE_OF_REQUIRED.items():
        if name in schemas:
            schemas[name]["anyOf"] = [{"required": fields} for fields in alternatives]
    for name in CUSTOM_CATEGORY_BODIES:
        schemas[name]["anyOf"] = copy.deepcopy(CUSTOM_CATEGORY_RULE)
    info = result.setdefault("info", {})
    info["description"] = f"{info.get('description', '')}\n\n{QUERY_NAMES}".strip()
    for path, item in result.get("paths", {}).items():
        for method, operation in item.items():
            if method not in METHODS:
                continue
            _document_query(operation)
            _require_body(operation)
            responses = operation.setdefault("responses", {})
            for code in dict.fromkeys(_documented_errors(operation, path, method)):
                responses.setdefault(code, {"description": DESCRIPTIONS[code]})
            for code, response in responses.items():
                if str(code)[0] in "45" and not response.get("content"):
                    response["content"] = {"application/json": {"schema": ENVELOPE_REF}}
    return result
