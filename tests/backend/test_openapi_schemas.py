"""The OpenAPI document is precise enough to generate the H5's client from: every JSON operation has a response
schema, and no response holds an object whose shape the spec leaves open (tests/backend/openapi_audit.py)."""
from __future__ import annotations

import pytest

from backend import create_app
from backend.settings import Settings

from .openapi_audit import loose_places, loose_responses, missing_response_schemas


@pytest.fixture(scope="module")
def spec(tmp_path_factory):
    folder = tmp_path_factory.mktemp("spec")
    app = create_app(Settings(env="test", secret_key="spec-" + "x" * 40, instance_dir=folder,
                              database_url=f"sqlite:///{folder}/spec.db", redis_url="redis://127.0.0.1:6379/15"))
    return app.test_client().get("/api/openapi.json").json


def test_every_json_operation_has_a_response_schema(spec):
    assert missing_response_schemas(spec) == []


def test_no_response_holds_an_object_of_unknown_shape(spec):
    assert loose_responses(spec) == {}


def test_the_audit_sees_a_loose_object():
    spec = {"components": {"schemas": {"Thing": {"type": "object", "properties": {
        "free": {"type": "object", "additionalProperties": {}}, "untyped": {"readOnly": True},
        "scores": {"type": "object", "additionalProperties": {"type": "number"}}}}}}}
    assert loose_places(spec, {"$ref": "#/components/schemas/Thing"}) == ["Thing.free (any object)", "Thing.untyped (untyped)"]
    no_schema = {"paths": {"/x": {"get": {"responses": {"200": {"description": "ok"}}},
                                  "delete": {"responses": {"204": {"description": "gone"}}}}}}
    assert missing_response_schemas(no_schema) == ["GET /x"]
