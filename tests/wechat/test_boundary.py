"""backend/wechat takes plain config and a Redis connection: no Flask, no database, no test code."""
from __future__ import annotations

import ast
from pathlib import Path

import backend.wechat

FORBIDDEN = ("flask", "werkzeug", "sqlmodel", "sqlalchemy", "psycopg", "backend.db", "backend.models", "tests")
PACKAGE = Path(backend.wechat.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_the_wechat_package_imports_neither_flask_nor_the_database():
    files = sorted(PACKAGE.glob("*.py"))
    assert {f.name for f in files} >= {"__init__.py", "client.py", "tokens.py", "subscribe.py", "crypto.py"}
    for path in files:
        for name in _imports(path):
            assert not any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN), (path.name, name)


def test_config_repr_hides_the_secret():
    config = backend.wechat.WeChatConfig("wx1", "super-secret-value")
    assert "super-secret-value" not in repr(config)
    assert backend.wechat.WeChatConfig("wx1", "s", api_base="http://x/").api_base == "http://x"
