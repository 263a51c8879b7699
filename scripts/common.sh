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
TEST_DEBS=(xvfb xauth oathtool poppler-utils dbus at-spi2-core python3-pyatspi desktop-file-utils appstream strace
  patchelf liblapack3 libblas3)
# strace: tests/reliability/test_injected_io_errors.py fails one system call at a time (EIO, ENOSPC).
# Benchmarks only: zbar for pyzbar, a same-run baseline of the QR benchmarks (pyproject's "bench" extra).
BENCH_DEBS=(libzbar0)
# dbus: dbus-daemon + dbus-send for the session-lock tests and dbus-run-session for the screen-reader test;
# at-spi2-core (the AT-SPI bus) and python3-pyatspi (for /usr/bin/python3): tests/ui/a11y/test_atspi.py.
# desktop-file-utils and appstream: tests/test_packaging_files.py validates the .desktop and metainfo files;
# patchelf, liblapack3, libblas3: it also runs OpenCV on the system BLAS the way the .deb does.

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

# The first alternative of "a|b" that this system's package lists know as a real package (a purely
# virtual name makes apt-cache show fail); the last one when none is known (lists not yet updated).
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
    # Name the alternative this system's package lists have (libglib2.0-0t64 exists only on
    # Debian 13 / Ubuntu 24.04 and later; Debian 12 has libglib2.0-0): apt-cache needs no root.
    local names=() s
    for s in "${missing[@]}"; do names+=("$(_deb_pick "$s")"); done
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

# Installs the locked packages (requirements.lock, with pip's hash checking) into the venv whose
# python is $1, then the project itself, editable, without touching the index again. Shared by
# ensure_venv and scripts/package: development, tests and the installer builds install one set.
install_locked() {
  local py="$1"
  "$py" -m pip install -q --require-hashes --no-deps -r "$ROOT/requirements.lock"
  "$py" -m pip install -q --no-deps --no-build-isolation -e "$ROOT"
}

# A digest of what install_locked installs: re-install only when the lock or pyproject.toml changed.
locked_digest() {
  cat "$ROOT/pyproject.toml" "$ROOT/requirements.lock" "$@" | sha256sum | cut -d' ' -f1
}

# Creates .venv and installs the project (editable) with everything in requirements.lock (runtime, test
# and build tools: one set, so a test run and an installer build use the same versions), re-installing
# only when pyproject.toml or the lock changed since the last install. The argument names the stamp only.
ensure_venv() {
  local extra="${1:-}"
  local py="${PYTHON:-python3}"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "==> creating $VENV" >&2
    "$py" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-${extra:-base}"
  local want
  want="$(locked_digest)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "==> installing epcs-desktop and requirements.lock into .venv" >&2
    install_locked "$VENV/bin/python"
    echo "$want" >"$stamp"
  fi
}
