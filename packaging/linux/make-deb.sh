#!/usr/bin/env bash
# Builds the .deb from a PyInstaller one-folder bundle, with dpkg-deb from a staged tree.
#
#   packaging/linux/make-deb.sh BUNDLE_DIR ICON_PNG_DIR VERSION OUT_DIR
#
# Why a staged tree and dpkg-deb instead of debhelper: the bundle is already built;
# all a .deb adds is a file layout, a control file and compression. The Depends line
# is computed by dpkg-shlibdeps from every ELF file in the bundle, so it names exactly
# the system libraries the bundle links against and was not allowed to carry
# (see prune_linux in packaging/epcs-desktop.spec). Icon cache and desktop database
# updates need no maintainer scripts: hicolor-icon-theme and desktop-file-utils
# register dpkg file triggers for those folders.
set -euo pipefail

BUNDLE="$(cd "$1" && pwd)"
ICONS="$(cd "$2" && pwd)"
VERSION="$3"
OUT="$(mkdir -p "$4" && cd "$4" && pwd)"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
APP_ID=epcs-desktop
DESKTOP_ID=org.epcsdesktop.EpcsDesktop
ARCH="$(dpkg --print-architecture)"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/epcs-deb.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
STAGE="$WORK/stage"

# --- file layout ---------------------------------------------------------------------
install -d -m 0755 "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/metainfo" "$STAGE/usr/share/doc/$APP_ID" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps" "$STAGE/DEBIAN"
cp -a "$BUNDLE" "$STAGE/opt/$APP_ID"
ln -s "/opt/$APP_ID/$APP_ID" "$STAGE/usr/bin/$APP_ID"
install -m 0644 "$HERE/$DESKTOP_ID.desktop" "$STAGE/usr/share/applications/"
install -m 0644 "$HERE/$DESKTOP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/"
install -m 0644 "$HERE/copyright" "$STAGE/usr/share/doc/$APP_ID/copyright"
install -m 0644 "$ROOT/src/epcs_desktop/resources/icons/$APP_ID.svg" \
  "$STAGE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for png in "$ICONS"/*x*.png; do
  size="$(basename "$png" .png)"
  install -d -m 0755 "$STAGE/usr/share/icons/hicolor/$size/apps"
  install -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/$size/apps/$APP_ID.png"
done
# Owner root, no group/world write, whatever the umask of the build machine was.
chmod -R u+rwX,go+rX,go-w "$STAGE"

# --- Depends from the ELF files (dpkg-shlibdeps wants a debian/control to exist) -------
mkdir -p "$WORK/src/debian"
printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$APP_ID" "$APP_ID" >"$WORK/src/debian/control"
mapfile -t elfs < <(find "$STAGE/opt" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) \
  -exec sh -c 'head -c4 "$1" | grep -q "ELF" && echo "$1"' _ {} \;)
libdirs=()
while IFS= read -r d; do libdirs+=("-l$d"); done < <(for f in "${elfs[@]}"; do dirname "$f"; done | sort -u)
shlibs="$(cd "$WORK/src" && dpkg-shlibdeps -O --ignore-missing-info --warnings=0 "${libdirs[@]}" \
  "${elfs[@]/#/-e}" 2>"$WORK/shlibdeps.log" | sed -n 's/^shlibs:Depends=//p')" || {
  cat "$WORK/shlibdeps.log" >&2; echo "error: dpkg-shlibdeps failed" >&2; exit 1; }
[ -n "$shlibs" ] || { echo "error: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
# Qt draws nothing without at least one font; any of the common default sets will do.
depends="$shlibs, fonts-dejavu-core | fonts-noto-core | fonts-liberation2 | fonts-freefont-ttf"

installed_kb="$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)"
cat >"$STAGE/DEBIAN/control" <<EOF
Package: $APP_ID
Version: $VERSION
Architecture: $ARCH
Maintainer: EPCS Desktop developers <packaging@epcs-desktop.invalid>
Installed-Size: $installed_kb
Depends: $depends
Recommends: hicolor-icon-theme
Section: misc
Priority: optional
Description: MFA companion and code generator for DrChrono EPCS with ID.me
 EPCS Desktop keeps a companion copy of DrChrono's eRx Info tab (the ID.me device
 list with one primary device, and the prescriber information) and generates the
 six-digit codes itself, enrolled from a webcam, the screen, an image or a typed
 key. Everything is stored per clinician profile in an encrypted database.
EOF

DEB="$OUT/${APP_ID}_${VERSION}_${ARCH}.deb"
rm -f "$DEB"
# xz at its highest preset, 9 "extreme" (a 64 MiB dictionary): the smallest .deb that dpkg-deb itself
# writes. A custom 512 MiB dictionary saved another 2.6 MB (measured on the issue-14 bundle) but made
# every install need ~512 MiB of memory to decompress, too much to ask of a front-desk PC; not worth it.
# EPCS_DEB_XZ_LEVEL=1 trades ~10 MB for minutes when iterating on the packaging itself.
level="${EPCS_DEB_XZ_LEVEL:-9}"
strategy=()
[ "$level" = 9 ] && strategy=(-Sextreme)
dpkg-deb --root-owner-group -Zxz "-z${level}" "${strategy[@]}" --build "$STAGE" "$DEB" >/dev/null
dpkg-deb --info "$DEB" >/dev/null  # dpkg reads it back, or the build fails here
echo "$DEB"
