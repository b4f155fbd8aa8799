# Sourced by scripts/run and scripts/test: a project virtualenv with QingPin installed (extras in $1).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="${QINGPIN_VENV:-$ROOT/.venv}"
EXTRAS="${1:-}"

if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating virtualenv $VENV"
  "$PYTHON" -m venv "$VENV"
fi
# shellcheck disable=SC1091
source "$VENV/bin/activate"
stamp="$VENV/.qingpin-installed"
want="$(sha256sum pyproject.toml | cut -c1-16)${EXTRAS}"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing QingPin${EXTRAS:+ with [$EXTRAS]} (cached wheels are reused)"
  python -m pip install -q --upgrade pip >/dev/null
  python -m pip install -q -e ".${EXTRAS:+[$EXTRAS]}" --config-settings editable_mode=compat
  echo "$want" > "$stamp"
fi
