# shellcheck shell=bash
# Shared set-up for scripts/run and scripts/test: system libraries, a virtual
# environment in .venv, and the project installed into it. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

# Debian packages. "a|b" means either satisfies it (Debian 13 renamed some
# libraries with a t64 suffix). Qt's xcb platform plugin needs the libxcb-*
# family; the offscreen plugin needs fontconfig, EGL/GL and glib.
RUNTIME_DEBS=(
  python3 python3-venv python3-pip
  libgl1 libegl1 "libglib2.0-0t64|libglib2.0-0" libfontconfig1 libfreetype6 "libdbus-1-3"
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
  libxcb-xfixes0 fonts-dejavu-core
)
# Extra packages for the test suite: a real X server for screen-grab tests,
# oathtool for cross-checking codes, pdftotext for the setup sheet.
TEST_DEBS=(xvfb xauth oathtool poppler-utils dbus at-spi2-core python3-pyatspi desktop-file-utils appstream strace)
# strace: tests/reliability/test_injected_io_errors.py fails one system call at a time (EIO, ENOSPC).
# Benchmarks only: zbar for pyzbar, a same-run baseline of the QR benchmarks (pyproject's "bench" extra).
BENCH_DEBS=(libzbar0)
# dbus: dbus-daemon + dbus-send for the session-lock tests and dbus-run-session for the screen-reader test;
# at-spi2-core (the AT-SPI bus) and python3-pyatspi (for /usr/bin/python3): tests/ui/a11y/test_atspi.py.
# desktop-file-utils and appstream: tests/test_packaging_files.py validates the .desktop and metainfo files.

_deb_installed() {
  local alt
  IFS='|' read -r -a alts <<<"$1"
  for alt in "${alts[@]}"; do
    if [ "$(dpkg-query -W -f='${Status}' "$alt" 2>/dev/null)" = "install ok installed" ]; then
      return 0
    fi
  done
  return 1
}

_deb_pick() {
  local alt
  IFS='|' read -r -a alts <<<"$1"
  for alt in "${alts[@]}"; do
    if apt-cache show "$alt" >/dev/null 2>&1; then echo "$alt"; return 0; fi
  done
  echo "${alts[-1]}"
}

ensure_debs() {
  command -v dpkg-query >/dev/null 2>&1 || { echo "note: not a Debian system; install Qt's xcb libraries yourself" >&2; return 0; }
  local missing=() spec
  for spec in "$@"; do _deb_installed "$spec" || missing+=("$spec"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    local names=() s
    for s in "${missing[@]}"; do names+=("${s%%|*}"); done
    echo "error: missing system packages. Run this once, then try again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names[*]}" >&2
    exit 1
  fi
  echo "==> apt-get install (${#missing[@]} system packages)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  local picks=()
  for spec in "${missing[@]}"; do picks+=("$(_deb_pick "$spec")"); done
  apt-get install -y -qq --no-install-recommends "${picks[@]}" >/dev/null
}

# Creates .venv and installs the project (editable) with the given extra,
# re-installing only when pyproject.toml changed since the last install.
ensure_venv() {
  local extra="${1:-}"
  local py="${PYTHON:-python3}"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV" >&2
    "$py" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-${extra:-base}"
  local want
  want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "==> installing epcs-desktop${extra:+[$extra]} into .venv" >&2
    "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
    if [ -n "$extra" ]; then
      "$VENV/bin/python" -m pip install -q -e "$ROOT[$extra]"
    else
      "$VENV/bin/python" -m pip install -q -e "$ROOT"
    fi
    echo "$want" >"$stamp"
  fi
}
