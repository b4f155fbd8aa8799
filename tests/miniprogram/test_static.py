"""Static checks of miniprogram/: a project WeChat DevTools can open, pages complete, no secret in the client."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

from backend.settings import Settings
from backend.wechat.subscribe import TEMPLATE_LAYOUTS

from .conftest import MINIPROGRAM

SKIP_DIRS = {"node_modules", "miniprogram_npm"}
PAGE_FILES = (".js", ".json", ".wxml", ".wxss")
TDESIGN = MINIPROGRAM / "node_modules" / "tdesign-miniprogram" / "miniprogram_dist"
# What only the server may know or call: WeChat credentials and session keys, WeChat's server API, our secrets.
FORBIDDEN = re.compile(r"(?i)app_?secret|wechat_secret|session_key|secret_key|\bopenid\b|unionid|jscode2session|"
                       r"api\.weixin\.qq\.com|password_hash|BEGIN [A-Z ]*PRIVATE KEY")
LOCATION_APIS = ("getLocation", "chooseLocation", "getFuzzyLocation", "chooseAddress", "onLocationChange", "choosePoi")


def _sources():
    for path in sorted(MINIPROGRAM.rglob("*")):
        if path.is_file() and not SKIP_DIRS & set(path.relative_to(MINIPROGRAM).parts) and path.name != "package-lock.json":
            yield path


def _app() -> dict:
    return json.loads((MINIPROGRAM / "app.json").read_text())


def test_every_page_in_app_json_has_its_four_files():
    pages = _app()["pages"]
    assert pages[0] == "pages/invitation/index"  # the entry page
    for page in pages:
        for suffix in PAGE_FILES:
            assert (MINIPROGRAM / f"{page}{suffix}").is_file(), f"{page}{suffix} is missing"
        assert isinstance(json.loads((MINIPROGRAM / f"{page}.json").read_text()), dict)
    # Every index.js under pages/ is listed: no page left out of app.json.
    listed = {str(p.relative_to(MINIPROGRAM).with_suffix("")) for p in (MINIPROGRAM / "pages").rglob("index.js")}
    assert listed == set(pages)


def test_pages_the_server_links_to_exist():
    """Subscribe messages and invitation QR codes name pages; WeChat refuses pages the app lacks (41030)."""
    pages = set(_app()["pages"])
    assert Settings.model_fields["wechat_invite_page"].default in pages
    assert {page for page, _ in TEMPLATE_LAYOUTS.values()} <= pages


def test_components_resolve_and_handlers_exist():
    configs = [MINIPROGRAM / "app.json"] + [MINIPROGRAM / f"{p}.json" for p in _app()["pages"]]
    configs += list((MINIPROGRAM / "components").rglob("index.json"))
    for config in configs:
        for tag, target in json.loads(config.read_text()).get("usingComponents", {}).items():
            if target.startswith("tdesign-miniprogram/"):
                assert (TDESIGN / f"{target.removeprefix('tdesign-miniprogram/')}.json").is_file(), (config.name, tag, target)
            else:
                base = MINIPROGRAM / target.lstrip("/")
                assert all(base.with_suffix(s).is_file() for s in PAGE_FILES), (config.name, tag, target)
    for wxml in list((MINIPROGRAM / "pages").rglob("*.wxml")) + list((MINIPROGRAM / "components").rglob("*.wxml")):
        script = wxml.with_suffix(".js").read_text()
        for handler in re.findall(r'\b(?:bind|catch)(?::?[a-z]+)="([A-Za-z_]\w*)"', wxml.read_text()):
            assert re.search(rf"\b{handler}\s*(\(|:)", script), f"{wxml.relative_to(MINIPROGRAM)}: no handler {handler}"


def test_project_config_opens_as_a_devtools_project_without_a_real_appid():
    project = json.loads((MINIPROGRAM / "project.config.json").read_text())
    assert project["appid"] == "touristappid" and project["compileType"] == "miniprogram"
    assert (MINIPROGRAM / project["miniprogramRoot"] / "app.json").is_file()
    assert tuple(map(int, project["libVersion"].split("."))) >= (2, 22, 0)  # 5-minute camera recordings
    app = _app()
    assert (MINIPROGRAM / app["sitemapLocation"]).is_file()
    assert app["__usePrivacyCheck__"] is True
    used = {api for api in LOCATION_APIS for path in _sources() if path.suffix == ".js" and f"wx.{api}" in path.read_text()}
    assert used <= set(app["requiredPrivateInfos"]), used
    assert {mode["pathName"] for mode in project["condition"]["miniprogram"]["list"]} <= set(app["pages"])  # DevTools modes
    ignored = {entry["value"] for entry in project["packOptions"]["ignore"]}
    assert {"tests", "node_modules", "scripts"} <= ignored  # never shipped inside the mini-program package
    gitignore = (MINIPROGRAM / ".gitignore").read_text().split()
    assert {"node_modules/", "miniprogram_npm/", "project.private.config.json"} <= set(gitignore)


def test_no_secret_or_server_only_field_in_the_sources():
    for path in _sources():
        text = path.read_text(errors="replace")
        match = FORBIDDEN.search(text)
        assert not match, f"{path.relative_to(MINIPROGRAM)}: {match.group(0)!r} belongs to the server only"
        assert not re.search(r"\bwx[0-9a-f]{16}\b", text), f"{path.relative_to(MINIPROGRAM)}: a real AppID"


def test_javascript_parses():
    node = shutil.which("node")
    assert node, "Node.js is required for the mini-program tests"
    parse = "const vm = require('vm'), fs = require('fs'); " \
            "for (const f of process.argv.slice(1)) new vm.Script(`(function(){${fs.readFileSync(f, 'utf8')}\n})`, {filename: f})"
    scripts = [str(p) for p in _sources() if p.suffix == ".js"]
    done = subprocess.run([node, "-e", parse, *scripts], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
