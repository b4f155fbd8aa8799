"""Serves the built H5 apps (admin_h5/dist) at /h5/ on the API's origin: hashed assets cached for a year,
each entry's index.html never cached and returned for every deep link under it, a missing asset a 404."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import mimetypes

from flask import Blueprint, Flask, Response, abort, redirect, request, send_from_directory

ENTRIES = ("hr", "c", "onboard")
DEFAULT_DIST = Path(__file__).resolve().parents[1] / "admin_h5" / "dist"
ASSET_MAX_AGE = 365 * 24 * 3600


def content_security_policy(extra_media_origins: tuple[str, ...] = ()) -> str:
    """What the H5 pages may load: only this origin (API, assets, signed media), plus the storage origin for media."""
    media = " ".join(("'self'", "blob:", *extra_media_origins))
    return "; ".join((
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",  # Vant sets element styles (positions, transforms) at run time
        "img-src 'self' data: blob:",
        f"media-src {media}",
        f"connect-src 'self' {' '.join(extra_media_origins)}".strip(),
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ))


def create_blueprint(dist: Path, csp: str) -> Blueprint:
    blp = Blueprint("h5", __name__)

    def _page(entry: str) -> Response:
        index = dist / entry / "index.html"
        if not index.is_file():
            return Response("H5 未构建：请先运行 bash scripts/run（或在 admin_h5/ 中运行 npm run build）。\n",
                            status=503, mimetype="text/plain")
        response = send_from_directory(dist / entry, "index.html", max_age=0)
        response.headers["Cache-Control"] = "no-cache"
        response.headers["Content-Security-Policy"] = csp
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    @blp.get("/h5")
    @blp.get("/h5/")
    def root():
        return redirect("/h5/hr/", code=302)

    @blp.get("/h5/assets/<path:name>")
    def asset(name: str):
        if not (dist / "assets" / name).is_file():
            abort(404)
        packed = dist / "assets" / f"{name}.gz"
        if packed.is_file() and "gzip" in request.headers.get("Accept-Encoding", ""):
            # the build's precompressed copy: a third of the bytes on a slow phone network
            response = send_from_directory(dist / "assets", f"{name}.gz", max_age=ASSET_MAX_AGE,
                                           mimetype=mimetypes.guess_type(name)[0] or "application/octet-stream")
            response.headers["Content-Encoding"] = "gzip"
        else:
            response = send_from_directory(dist / "assets", name, max_age=ASSET_MAX_AGE)
        response.headers["Vary"] = "Accept-Encoding"
        response.headers["Cache-Control"] = f"public, max-age={ASSET_MAX_AGE}, immutable"
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @blp.get("/h5/<entry>")
    def entry_without_slash(entry: str):
        if entry not in ENTRIES:
            abort(404)
        return redirect(f"/h5/{entry}/", code=301)

    @blp.get("/h5/<entry>/")
    @blp.get("/h5/<entry>/<path:rest>")
    def page(entry: str, rest: str = ""):
        if entry not in ENTRIES:
            abort(404)
        return _page(entry)

    return blp


def init_app(app: Flask) -> None:
    settings = app.config["QINGPIN_SETTINGS"]
    dist = Path(settings.h5_dist_dir or DEFAULT_DIST)
    origins: tuple[str, ...] = ()
    if settings.storage_backend == "s3" and settings.s3_endpoint_url:
        parts = urlsplit(settings.s3_endpoint_url)
        origins = (f"{parts.scheme}://{parts.netloc}", f"{parts.scheme}://*.{parts.netloc}")
    elif settings.storage_backend == "s3":
        origins = ("https://*.amazonaws.com",)
    app.register_blueprint(create_blueprint(dist, content_security_policy(origins)))
