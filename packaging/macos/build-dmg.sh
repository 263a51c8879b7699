#!/usr/bin/env bash
# Builds "EPCS Desktop.app" and a compressed DMG on a Mac (CI: the package-macos jobs of
# .github/workflows/build.yml; not yet run anywhere: packaging/README.md, "What has been built and
# run where"). Needs Python 3.11+ for the Mac's architecture and Xcode's command line tools
# (hdiutil, codesign, xcrun).
#
#   packaging/macos/build-dmg.sh                      unsigned .app + DMG (local testing)
#   SIGN_IDENTITY="Developer ID Application: Name (TEAMID)" packaging/macos/build-dmg.sh
#                                                     signed with the hardened runtime
# Notarization and stapling are separate, manual steps (packaging/README.md, "macOS").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

APP_NAME="EPCS Desktop"
py="${PYTHON:-python3}"
[ -x build/pkg-venv/bin/python ] || "$py" -m venv build/pkg-venv
BPY=build/pkg-venv/bin/python

# 0. Wheels for the oldest macOS the .app claims (bundle_rules.MACOS_MIN), not for this Mac: pip on a
#    macOS 14 runner would pick NumPy's macOS 14 wheel, on macOS 15 OpenCV's macOS 15 one. The locked
#    versions, hash-checked, for platform macosx_<MIN>_<arch>; nothing else can reach the venv.
MACOS_MIN="$("$BPY" -c 'import sys; sys.path.insert(0, "packaging"); import bundle_rules; print(bundle_rules.MACOS_MIN)')"
export MACOSX_DEPLOYMENT_TARGET="$MACOS_MIN"  # for anything compiled during the build
PLATFORM="macosx_${MACOS_MIN/./_}_$(uname -m)"
WHEELS="build/wheels-$PLATFORM"
"$BPY" packaging/lockfile.py wheels --platform "$PLATFORM" --dest "$WHEELS"
"$BPY" -m pip install -q --no-index --find-links "$WHEELS" --require-hashes --no-deps -r "$WHEELS/requirements.txt"
"$BPY" -m pip install -q --no-deps --no-build-isolation -e .
VERSION="$("$BPY" -c 'import epcs_desktop; print(epcs_desktop.__version__)')"

# 1. The .app (the spec's BUNDLE step: Info.plist with NSCameraUsageDescription, .icns icon).
"$BPY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller \
  packaging/epcs-desktop.spec
APP="dist/$APP_NAME.app"
[ -d "$APP" ] || { echo "error: $APP was not built" >&2; exit 1; }

# 1b. Every Mach-O file in the .app runs on the macOS its Info.plist claims (LC_BUILD_VERSION minos /
#     LC_VERSION_MIN_MACOSX; known upstream exceptions: bundle_rules.MACOS_MINOS_ALLOWED), and nothing
#     the program never loads came back into it.
"$BPY" packaging/macho.py check "$APP"
"$BPY" packaging/check_bundle.py "$APP"

# 2. Sign inside-out with the hardened runtime and the camera entitlement. --deep is not
#    used for signing (Apple advises against it); PyInstaller already ad-hoc signed each
#    binary, so re-sign every Mach-O file first, then the bundle itself.
if [ -n "${SIGN_IDENTITY:-}" ]; then
  find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' -o -perm -u+x \) -print0 |
    while IFS= read -r -d '' f; do
      if file "$f" | grep -q 'Mach-O'; then
        codesign --force --timestamp --options runtime --sign "$SIGN_IDENTITY" "$f"
      fi
    done
  codesign --force --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$SIGN_IDENTITY" "$APP"
  codesign --verify --strict --verbose=2 "$APP"
fi

# 3. The DMG: the .app plus an /Applications link to drag it onto.
STAGE="$(mktemp -d)"
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG="dist/epcs-desktop-$VERSION-macos-$(uname -m).dmg"
rm -f "$DMG"
hdiutil create -volname "$APP_NAME $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
if [ -n "${SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$SIGN_IDENTITY" "$DMG"
fi

# 4. Smoke test the bundled CLI (RFC 6238 vector: t=59 -> 287082).
got="$(printf 'otpauth://totp/RFC6238?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ\n' |
  "$APP/Contents/MacOS/epcs-desktop" code - --at 59)"
[ "$got" = 287082 ] || { echo "error: smoke test got '$got'" >&2; exit 1; }
echo "$DMG"
