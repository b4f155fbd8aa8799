"""Finds what makes a generated API client imprecise: JSON operations without a 2xx response schema, and objects
in a response whose shape the spec does not say (`{}`, free-form maps, untyped properties)."""
from __future__ import annotations

METHODS = ("get", "post", "put", "patch", "delete")
# Free-form on purpose: an event's facts differ per kind of event.
FREE_FORM = {"Event.data"}


def operations(spec: dict):
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            if method in METHODS:
                yield method.upper(), path, op


def missing_response_schemas(spec: dict) -> list[str]:
    """Operations whose 2xx answer is neither a 204, a non-JSON body, nor JSON with a schema."""
    missing = []
    for method, path, op in operations(spec):
        described = False
        for code, response in op.get("responses", {}).items():
            if not code.startswith("2"):
                continue
            content = response.get("content") or {}
            if code == "204" or (content and "application/json" not in content) \
                    or (content.get("application/json") or {}).get("schema"):
                described = True
        if not described:
            missing.append(f"{method} {path}")
    return missing


def loose_places(spec: dict, schema: dict, where: str = "", seen: frozenset = frozenset()) -> list[str]:
    """Dotted places under `schema` whose shape is unknown; named schemas are visited once per branch."""
    components = spec["components"]["schemas"]
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        if name in seen:
            return []
        return loose_places(spec, components[name], name, seen | {name})
    kind = schema.get("type")
    if kind == "object" and schema.get("nullable") and set(schema) <= {"type", "nullable"}:
        return []  # apispec's null arm of a nullable reference
    if not (kind or {"allOf", "anyOf", "oneOf"} & set(schema)):
        return [f"{where} (untyped)"]
    found = []
    extra = schema.get("additionalProperties")
    if kind == "object" and not schema.get("properties") and extra in (None, True, {}):
        if where not in FREE_FORM:
            found.append(f"{where} (any object)")
    elif isinstance(extra, dict) and extra:
        found += loose_places(spec, extra, f"{where}{{}}", seen)
    for name, prop in (schema.get("properties") or {}).items():
        found += loose_places(spec, prop, f"{where}.{name}", seen)
    if "items" in schema:
        found += loose_places(spec, schema["items"], f"{where}[]", seen)
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key, []):
            found += loose_places(spec, sub, where, seen)
    return found


def loose_responses(spec: dict) -> dict[str, list[str]]:
    """Per operation, the loose places of its 2xx JSON response."""
    loose = {}
    for method, path, op in operations(spec):
        for code, response in op.get("responses", {}).items():
            schema = ((response.get("content") or {}).get("application/json") or {}).get("schema")
            if code.startswith("2") and schema:
                places = loose_places(spec, schema, f"{method} {path} {code}")
                if places:
                    loose[f"{method} {path} {code}"] = sorted(set(places))
    return loose


if __name__ == "__main__":  # print the audit of the current spec
    import tempfile
    from pathlib import Path

    from backend import create_app
    from backend.settings import Settings

    folder = Path(tempfile.mkdtemp())
    app = create_app(Settings(env="test", secret_key="audit-" + "x" * 40, instance_dir=folder,
                              database_url=f"sqlite:///{folder}/audit.db", redis_url="redis://127.0.0.1:6379/15"))
    document = app.test_client().get("/api/openapi.json").json
    print(f"{sum(1 for _ in operations(document))} operations")
    print(f"without a 2xx response schema: {missing_response_schemas(document)}")
    found = loose_responses(document)
    print(f"with loose places: {len(found)}")
    for operation, places in found.items():
        print(f"  {operation}: {', '.join(places)}")
