"""The H5 apps' unit and component tests (vitest + happy-dom), and their TypeScript check against the generated types."""
from __future__ import annotations

import subprocess

from .conftest import H5


def test_vitest(node_modules):
    result = subprocess.run(["npx", "vitest", "run", "--reporter=dot"], cwd=H5, capture_output=True, text=True, timeout=600)
    print(result.stdout[-3000:])
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]


def test_typescript_against_the_generated_api_types(node_modules):
    """Pages call the API only as the spec allows (the client is typed by schema.d.ts, generated from the spec)."""
    result = subprocess.run(["npx", "vue-tsc", "--noEmit", "-p", "tsconfig.json"], cwd=H5, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
