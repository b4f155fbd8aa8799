"""Flask serves the built H5 apps at /h5/: hashed assets cached for a year, index.html never cached and returned for
deep links, a missing asset a 404, a Content-Security-Policy that allows only this origin."""
from __future__ import annotations

import gzip

import pytest

from backend import create_app
from backend.settings import Settings


@pytest.fixture()
def client(tmp_path):
    dist = tmp_path / "dist"
    for entry in ("hr", "c", "onboard"):
        (dist / entry).mkdir(parents=True)
        (dist / entry / "index.html").write_text(f"<!doctype html><title>{entry}</title>", encoding="utf-8")
    (dist / "assets").mkdir()
    (dist / "assets" / "hr-abc123.js").write_text("console.log(1)", encoding="utf-8")
    (dist / "assets" / "hr-abc123.js.gz").write_bytes(gzip.compress(b"console.log(1)"))
    settings = Settings(QINGPIN_ENV="test", QINGPIN_INSTANCE_DIR=tmp_path / "instance", redis_url="redis://127.0.0.1:1/0",
                        h5_dist_dir=dist)
    return create_app(settings).test_client()


def test_deep_links_return_the_entry_page_uncached_with_a_csp(client):
    for path, entry in (("/h5/hr/", "hr"), ("/h5/hr/jobs/3f2a/questions/new", "hr"), ("/h5/c/i/some-token", "c"),
                        ("/h5/onboard/checklist", "onboard")):
        response = client.get(path)
        assert response.status_code == 200, path
        assert f"<title>{entry}</title>" in response.get_data(as_text=True)
        assert response.headers["Cache-Control"] == "no-cache"
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-eval" not in csp


def test_assets_are_cached_for_a_year_and_a_missing_one_is_404(client):
    response = client.get("/h5/assets/hr-abc123.js")
    assert response.status_code == 200
    assert "max-age=31536000" in response.headers["Cache-Control"] and "immutable" in response.headers["Cache-Control"]
    assert client.get("/h5/assets/hr-missing.js").status_code == 404
    packed = client.get("/h5/assets/hr-abc123.js", headers={"Accept-Encoding": "gzip, br"})
    assert packed.headers["Content-Encoding"] == "gzip" and packed.headers["Vary"] == "Accept-Encoding"
    assert packed.mimetype == "text/javascript" and gzip.decompress(packed.data) == b"console.log(1)"
    assert response.data == b"console.log(1)" and "Content-Encoding" not in response.headers
    assert client.get("/h5/assets/../hr/index.html").status_code == 404


def test_root_and_unknown_entries(client):
    assert client.get("/h5/").headers["Location"].endswith("/h5/hr/")
    assert client.get("/h5/hr").status_code == 301
    assert client.get("/h5/admin/").status_code == 404
    assert client.get("/api/health").json == {"status": "ok"}


def test_an_unbuilt_app_says_how_to_build_it(tmp_path):
    settings = Settings(QINGPIN_ENV="test", QINGPIN_INSTANCE_DIR=tmp_path / "instance", redis_url="redis://127.0.0.1:1/0",
                        h5_dist_dir=tmp_path / "nothing")
    response = create_app(settings).test_client().get("/h5/hr/")
    assert response.status_code == 503
    assert "scripts/run" in response.get_data(as_text=True)
