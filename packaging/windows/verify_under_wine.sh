#!/bin/sh
# Check the Windows installer on Linux, as far as Linux allows: compile
# packaging/windows/contrat-desktop.nsi with Debian's makensis into a 64-bit installer around a
# stand-in app folder, then install and uninstall it silently under Debian's wine, in a
# throw-away wine prefix, and check what a Windows user would get.
#
#   apt-get install -y --no-install-recommends nsis wine wine64 xvfb xauth
#   packaging/windows/verify_under_wine.sh [APPDIR]
#
# APPDIR defaults to a fake one-folder app (two small 64-bit exes copied from wine, and an
# _internal folder): PyInstaller cannot cross-compile, and Qt >= 6.11 does not start under
# wine anyway (no ICU), so the real app is only checked by the Windows runner of
# .github/workflows/installers.yml. Each check prints "ok" or "ÉCHEC"; the exit code is the
# number of failed checks. Nothing outside /tmp is written (the installer goes to $WORK).
set -u

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NSI=$ROOT/packaging/windows/contrat-desktop.nsi
WORK=$(mktemp -d /tmp/contrat-nsis.XXXXXX)
export WINEPREFIX=$WORK/prefix WINEDEBUG=-all WINEARCH=win64
# wine links the profile's Desktop, Documents... to $HOME: a throw-away one keeps the checks
# (and the fake dossiers) inside $WORK.
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config
mkdir -p "$HOME"
# No Mono/Gecko download prompts (there is no internet, and they are not needed).
export WINEDLLOVERRIDES="mscoree,mshtml="
FAILED=0
VERSION=$(cd "$ROOT" && python3 -c 'import contrat_desktop; print(contrat_desktop.__version__)' \
    2>/dev/null || sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/contrat_desktop/__init__.py")
SERVICE="Service éducation-jeunesse"
DOSSIER='\\serveur\partage\éducation.cdv'
KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\contrat-desktop'

check() {  # check "what" command...: prints the result, counts failures
    what=$1
    shift
    if "$@" >/dev/null 2>&1; then
        printf 'ok     %s\n' "$what"
    else
        printf 'ÉCHEC  %s\n' "$what"
        FAILED=$((FAILED + 1))
    fi
}
absent() { ! "$@"; }
wine_() { wine "$@" 2>/dev/null; }
# wine needs a display for a few of its own programs; the silent installer shows no window.
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null 2>&1 && [ -z "${IN_XVFB:-}" ]; then
    IN_XVFB=1 exec xvfb-run -a "$0" "$@"
fi
for tool in makensis wine; do
    command -v $tool >/dev/null || { echo "$tool manque (apt-get install nsis wine wine64)"; exit 1; }
done

echo "== application de remplacement"
APPDIR=${1:-}
REAL_APP=${APPDIR:+1}
if [ -z "$APPDIR" ]; then
    APPDIR=$WORK/app/contrat-desktop
    mkdir -p "$APPDIR/_internal/PySide6"
    PE=$(ls /usr/lib/x86_64-linux-gnu/wine/x86_64-windows/hostname.exe \
         /usr/lib/wine/x86_64-windows/hostname.exe 2>/dev/null | head -1)
    [ -n "$PE" ] || { echo "aucun petit .exe 64 bits trouvé dans wine"; exit 1; }
    cp "$PE" "$APPDIR/contrat-desktop.exe"
    cp "$PE" "$APPDIR/contrat-desktop-cli.exe"
    echo "bibliothèque" >"$APPDIR/_internal/base_library.zip"
    echo "Qt" >"$APPDIR/_internal/PySide6/Qt6Core.dll"
fi
ls -R "$APPDIR" | head -20

echo "== makensis $(makensis -VERSION)"
SETUP=$WORK/contrat-desktop-$VERSION-installation.exe
ICON=$ROOT/packaging/build/icons/contrat-desktop.ico
set -- -V2 -DVERSION="$VERSION" -DAPPDIR="$APPDIR" -DOUTFILE="$SETUP" \
    -DSERVICE="$SERVICE" -DDOSSIER="$DOSSIER"
[ -f "$ICON" ] && set -- "$@" -DICON="$ICON"
check "makensis compile le script" makensis "$@" "$NSI"
file "$SETUP"
check "installateur 64 bits (PE32+ x86-64)" sh -c "file '$SETUP' | grep -q 'PE32+ executable (GUI) x86-64'"
check "demande à être lancé sans élévation (manifeste asInvoker)" \
    sh -c "strings '$SETUP' | grep -q 'requestedExecutionLevel level=\"asInvoker\"'"
ls -l "$SETUP"

echo "== préfixe wine $WINEPREFIX"
wineboot -i >/dev/null 2>&1
wineserver -w
USERDIR=$(winepath -u "$(wine_ cmd /c 'echo %USERPROFILE%' | tr -d '\r')" 2>/dev/null)
LOCAL=$(winepath -u "$(wine_ cmd /c 'echo %LOCALAPPDATA%' | tr -d '\r')" 2>/dev/null)
APPDATA_U=$(winepath -u "$(wine_ cmd /c 'echo %APPDATA%' | tr -d '\r')" 2>/dev/null)
DESKTOP=$(winepath -u "$(wine_ cmd /c 'echo %USERPROFILE%\Desktop' | tr -d '\r')" 2>/dev/null)
INSTDIR=$LOCAL/Programs/contrat-desktop
STARTMENU="$APPDATA_U/Microsoft/Windows/Start Menu/Programs"
echo "profil : $USERDIR"
echo "installation attendue : $INSTDIR"

echo "== installation silencieuse (/S)"
START=$(date +%s.%N)
wine_ "$SETUP" /S
rc=$?
wineserver -w
echo "code de sortie : $rc ($(echo "$(date +%s.%N) - $START" | bc 2>/dev/null || echo '?') s)"
check "installation : code de sortie 0" test "$rc" = 0
check "contrat-desktop.exe installé" test -f "$INSTDIR/contrat-desktop.exe"
check "contrat-desktop-cli.exe installé" test -f "$INSTDIR/contrat-desktop-cli.exe"
check "_internal installé" test -f "$INSTDIR/_internal/PySide6/Qt6Core.dll"
check "désinstalleur desinstaller.exe" test -f "$INSTDIR/desinstaller.exe"
find "$INSTDIR" | sed "s|$LOCAL|%LOCALAPPDATA%|"
if [ -n "$REAL_APP" ]; then
    # The real app: its CLI does not load Qt, so it may run under wine (the GUI cannot).
    wine_ "$INSTDIR/contrat-desktop-cli.exe" --version | tr -d '\r'
    check "contrat-desktop-cli.exe --version sous wine" \
        sh -c "wine '$INSTDIR/contrat-desktop-cli.exe' --version 2>/dev/null | grep -q '$VERSION'"
else
    check "l'exécutable installé se lance" wine_ "$INSTDIR/contrat-desktop-cli.exe"
fi
check "raccourci du menu Démarrer" test -f "$STARTMENU/Contrat de ville.lnk"
check "raccourci du Bureau" test -f "$DESKTOP/Contrat de ville.lnk"
check "le raccourci vise l'application" \
    sh -c "strings -e l '$DESKTOP/Contrat de ville.lnk' | grep -qi 'contrat-desktop.exe'"
echo "deploiement.ini :"
tr -d '\r' <"$INSTDIR/deploiement.ini" 2>/dev/null | sed 's/^/    /'
check "deploiement.ini : service (UTF-8)" grep -qF "service = $SERVICE" "$INSTDIR/deploiement.ini"
check "deploiement.ini : dossier (UTF-8)" grep -qF "dossier = $DOSSIER" "$INSTDIR/deploiement.ini"
# Read by the app's own reader when the development venv has it.
if [ -x "$ROOT/.venv/bin/python" ] && [ -f "$ROOT/contrat_desktop/deployment.py" ]; then
    check "deploiement.ini lu par contrat_desktop.deployment" "$ROOT/.venv/bin/python" -c "
import sys; from pathlib import Path; from contrat_desktop.deployment import read_deployment
d = read_deployment(Path(sys.argv[1])); print(d); assert d.service == sys.argv[2], d
" "$INSTDIR/deploiement.ini" "$SERVICE"
fi

echo "clé de désinstallation :"
wine_ reg query "$KEY" | tr -d '\r' | sed '/^$/d; s/^/    /'
check "clé de désinstallation (HKCU)" wine_ reg query "$KEY" /v UninstallString
check "DisplayName = Contrat de ville" \
    sh -c "wine reg query '$KEY' /v DisplayName 2>/dev/null | grep -q 'Contrat de ville'"
check "DisplayVersion = $VERSION" \
    sh -c "wine reg query '$KEY' /v DisplayVersion 2>/dev/null | grep -q '$VERSION'"
wine_ reg export "$KEY" "$WORK/key.reg" /y >/dev/null
check "Publisher accentué (Équipe contrat_desktop)" \
    sh -c "iconv -f UTF-16 -t UTF-8 '$WORK/key.reg' | grep -q '\"Publisher\"=\"Équipe contrat_desktop\"'"
check "rien sous HKLM (pas de droits d'administrateur)" absent \
    wine_ reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\contrat-desktop'
echo "association .cdv :"
wine_ reg query 'HKCU\Software\Classes\.cdv' /s | tr -d '\r' | sed '/^$/d; s/^/    /'
wine_ reg query 'HKCU\Software\Classes\ContratDesktop.Dossier' /s | tr -d '\r' | sed '/^$/d; s/^/    /'
check ".cdv -> ContratDesktop.Dossier" \
    sh -c "wine reg query 'HKCU\Software\Classes\.cdv' /ve 2>/dev/null | grep -q ContratDesktop.Dossier"
check "ouvrir un .cdv lance contrat-desktop.exe \"%1\"" \
    sh -c "wine reg query 'HKCU\Software\Classes\ContratDesktop.Dossier\shell\open\command' /ve \
           2>/dev/null | grep -q 'contrat-desktop.exe\" \"%1\"'"

echo "== dossiers de l'utilisateur"
mkdir -p "$LOCAL/contrat_desktop/sauvegardes" "$USERDIR/Documents"
echo "dossier" >"$LOCAL/contrat_desktop/dossier.cdv"
echo "sauvegarde" >"$LOCAL/contrat_desktop/sauvegardes/dossier-1.cdv"
echo "ailleurs" >"$USERDIR/Documents/jeunesse.cdv"
find "$LOCAL/contrat_desktop" "$USERDIR/Documents/jeunesse.cdv" -type f | sed "s|$USERDIR|%USERPROFILE%|"

echo "== désinstallation silencieuse (/S)"
# NSIS uninstallers copy themselves to %TEMP% and return at once; _?= runs in place and waits.
wine_ "$INSTDIR/desinstaller.exe" /S "_?=$(winepath -w "$INSTDIR" 2>/dev/null)"
rc=$?
wineserver -w
# With _?= the uninstaller cannot delete itself nor, therefore, its folder: as Windows does
# after a normal uninstall (the copy in %TEMP% deletes it), remove them here.
rm -f "$INSTDIR/desinstaller.exe"
rmdir "$INSTDIR" 2>/dev/null
echo "code de sortie : $rc"
check "désinstallation : code de sortie 0" test "$rc" = 0
check "programme supprimé (contrat-desktop.exe)" test ! -e "$INSTDIR/contrat-desktop.exe"
check "programme supprimé (_internal)" test ! -e "$INSTDIR/_internal"
check "dossier d'installation supprimé" test ! -e "$INSTDIR"
check "raccourci du menu Démarrer supprimé" test ! -e "$STARTMENU/Contrat de ville.lnk"
check "raccourci du Bureau supprimé" test ! -e "$DESKTOP/Contrat de ville.lnk"
check "clé de désinstallation supprimée" absent wine_ reg query "$KEY"
check "association .cdv supprimée" absent wine_ reg query 'HKCU\Software\Classes\.cdv'
check "ProgId supprimé" absent wine_ reg query 'HKCU\Software\Classes\ContratDesktop.Dossier'
check "dossier gardé : %LOCALAPPDATA%\\contrat_desktop\\dossier.cdv" \
    grep -q dossier "$LOCAL/contrat_desktop/dossier.cdv"
check "sauvegarde gardée" grep -q sauvegarde "$LOCAL/contrat_desktop/sauvegardes/dossier-1.cdv"
check "dossier enregistré ailleurs gardé" grep -q ailleurs "$USERDIR/Documents/jeunesse.cdv"

echo "== ré-installation par-dessus une installation (mise à jour), puis désinstallation normale"
wine_ "$SETUP" /S
wine_ "$SETUP" /S
rc=$?
wineserver -w
check "mise à jour : code de sortie 0" test "$rc" = 0
check "mise à jour : une seule clé de désinstallation" wine_ reg query "$KEY" /v InstallLocation
# The usual way (what "Apps and features" runs): the uninstaller copies itself to %TEMP%.
wine_ "$INSTDIR/desinstaller.exe" /S
sleep 3
wineserver -w
check "désinstallation normale : dossier d'installation supprimé" test ! -e "$INSTDIR"
check "désinstallation normale : dossier gardé" test -f "$LOCAL/contrat_desktop/dossier.cdv"

echo "== $FAILED échec(s)"
[ "${KEEP:-0}" = 1 ] && echo "gardé : $WORK" || rm -rf "$WORK"
exit "$FAILED"
