#!/bin/sh
# Build the Linux installer: the PyInstaller one-folder app, then a .deb with dpkg-deb.
#
#   packaging/build_deb.sh            (or `make deb`, which first installs the "build" extra)
#
# Everything goes to packaging/build/ (git-ignored):
#   dist/contrat-desktop/                 the one-folder app (both executables)
#   contrat-desktop_<version>_<arch>.deb  the package
#
# The package installs the app in /opt/contrat-desktop, links both commands into /usr/bin,
# adds a menu entry, an icon and the .cdv file type. It has no maintainer scripts: the menu,
# icon and MIME caches are refreshed by Debian's file triggers, and nothing ever touches the
# users' dossiers in ~/.local/share/contrat_desktop (remove and purge keep them).
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
OUT=$ROOT/packaging/build
NAME=contrat-desktop
PREFIX=/opt/$NAME
# What Qt needs from the system: the Makefile's DEB_OFFSCREEN and DEB_WINDOW lists, plus the
# two Wayland libraries the bundled Wayland plugins link to (found missing by ldd in a clean
# Debian 12: without them a Wayland session falls back to XWayland). libc6 >= the build machine's
# glibc (2.36 on Debian 12, 2.35 on Ubuntu 22.04), which the bundled libraries were linked against.
GLIBC=$(dpkg-query -W -f='${Version}' libc6 2>/dev/null | sed 's/-.*//')
DEPENDS="libc6 (>= ${GLIBC:-2.36}), libegl1, libgl1, libx11-6, libxkbcommon0, libfontconfig1, libfreetype6,\
 libdbus-1-3, libglib2.0-0, libxcb-cursor0, libxcb-icccm4, libxcb-image0, libxcb-keysyms1,\
 libxcb-render-util0, libxcb-render0, libxcb-shape0, libxcb-util1, libxcb-xkb1, libxkbcommon-x11-0,\
 libwayland-cursor0, libwayland-egl1"

cd "$ROOT"
VERSION=$("$PYTHON" -c 'import contrat_desktop; print(contrat_desktop.__version__)')
ARCH=$(dpkg --print-architecture)
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || {
    echo "PyInstaller manque : $PYTHON -m pip install -e '.[build]' (ou make deb)" >&2
    exit 1
}

echo "== icônes"
rm -rf "$OUT/icons"
"$PYTHON" packaging/render_icon.py "$OUT/icons"

if [ -n "${SERVICE_BUILD:-}" ]; then
    # a service's copy of the build, with its deploiement.ini (make_service_installer.py --deb)
    echo "== application du service : $SERVICE_BUILD"
    APP=$SERVICE_BUILD
else
    echo "== application un dossier (PyInstaller)"
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$OUT/dist" --workpath "$OUT/work" packaging/contrat_desktop.spec
    APP=$OUT/dist/$NAME
fi
"$APP/$NAME" --version
"$APP/$NAME-cli" --version

echo "== arborescence du paquet"
STAGE=$OUT/deb/${NAME}_${VERSION}_$ARCH
rm -rf "$STAGE"
umask 022
mkdir -p "$STAGE/DEBIAN" "$STAGE$PREFIX" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
    "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/$NAME" \
    "$STAGE/usr/share/icons/hicolor/scalable/apps"
cp -a "$APP/." "$STAGE$PREFIX/"
ln -s "$PREFIX/$NAME" "$STAGE/usr/bin/$NAME"
ln -s "$PREFIX/$NAME-cli" "$STAGE/usr/bin/$NAME-cli"
cp resources/icons/$NAME.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/"
for folder in "$OUT"/icons/*x*; do
    mkdir -p "$STAGE/usr/share/icons/hicolor/$(basename "$folder")/apps"
    cp "$folder/$NAME.png" "$STAGE/usr/share/icons/hicolor/$(basename "$folder")/apps/"
done
cp packaging/linux/$NAME.desktop "$STAGE/usr/share/applications/"
cp packaging/linux/$NAME.xml "$STAGE/usr/share/mime/packages/"
cp LICENSE "$STAGE/usr/share/doc/$NAME/copyright"
chmod -R u+rwX,go+rX,go-w "$STAGE"

SIZE_KB=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: $NAME
Version: $VERSION
Section: misc
Priority: optional
Architecture: $ARCH
Installed-Size: $SIZE_KB
Maintainer: Équipe contrat_desktop <contrat-desktop@localhost>
Depends: $DEPENDS
Description: Pilotage d'un Contrat de ville (application de bureau, hors ligne)
 Programmation annuelle des actions et leur cofinancement, financeurs et
 enveloppes, instances, conseil citoyen, échanges Excel avec la préfecture.
 Tout un contrat tient dans un seul fichier « dossier » (.cdv).
 .
 Installée dans $PREFIX ; commandes contrat-desktop et contrat-desktop-cli.
 Les dossiers des utilisateurs (~/.local/share/contrat_desktop) ne sont
 jamais supprimés, même par une purge.
CONTROL

echo "== paquet"
DEB=$OUT/${NAME}${DEB_SUFFIX:+-$DEB_SUFFIX}_${VERSION}_$ARCH.deb
dpkg-deb --root-owner-group --build "$STAGE" "$DEB"
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Depends:/p'
echo "Paquet : $DEB ($(du -h "$DEB" | cut -f1), installé : $((SIZE_KB / 1024)) Mio)"
