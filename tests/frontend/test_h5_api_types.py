"""The H5 client's types are generated from the API's OpenAPI document; stale types fail here."""
from __future__ import annotations

import json
import subprocess

from backend import create_app
from backend.settings import Settings

from .conftest import H5


def test_generated_api_types_match_the_running_spec(node_modules, tmp_path):
    settings = Settings(QINGPIN_ENV="test", QINGPIN_INSTANCE_DIR=tmp_path / "instance", redis_url="redis://127.0.0.1:1/0")
    app = create_app(settings)
    spec = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    with app.test_client() as client:
        assert client.get("/api/openapi.json").json == json.loads(json.dumps(spec))  # what the H5 reads is what we generate from
    (tmp_path / "openapi.json").write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "schema.d.ts"
    subprocess.run(["node", "scripts/gen-api.mjs", str(tmp_path / "openapi.json"), str(out)], cwd=H5, check=True, capture_output=True)
    committed = (H5 / "src" / "api" / "schema.d.ts").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed, (
        "admin_h5/src/api/schema.d.ts is stale against the API: run `cd admin_h5 && npm run gen:api` and commit it")
