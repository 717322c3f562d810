; Windows installer of contrat_desktop: a per-user install, no administrator rights needed.
;
;   makensis -DVERSION=0.1.0 -DAPPDIR=packaging/build/dist/contrat-desktop \
;            [-DICON=packaging/build/icons/contrat-desktop.ico] \
;            [-DSERVICE="Service jeunesse" [-DDOSSIER="\\serveur\partage\jeunesse.cdv"]
;            [-DPRINCIPAL="\\serveur\partage\contrat.cdv"]
;             [-DORGANISATION="Ville de ..."]] \
;            [-DOUTFILE=packaging/build/contrat-desktop-0.1.0-installation.exe] \
;            packaging/windows/contrat-desktop.nsi
;
; APPDIR is the PyInstaller one-folder app (contrat-desktop.exe, contrat-desktop-cli.exe,
; _internal\). Relative paths are taken from this script's folder (makensis changes into it),
; so pass absolute paths (the CI and verify_under_wine.sh do).
;
; What it does, all under the user's own profile (HKCU, %LOCALAPPDATA%):
;   - copies the app to %LOCALAPPDATA%\Programs\contrat-desktop (the folder can be changed);
;   - Start-menu and desktop shortcuts "Contrat de ville";
;   - associates the dossier extension .cdv with the app (HKCU\Software\Classes);
;   - registers the uninstaller in "Apps and features"
;     (HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\contrat-desktop);
;   - with -DSERVICE (one installer per municipal service): puts deploiement.ini beside the
;     app, [deploiement] service = ..., and dossier = ..., organisation = ... when given
;     (read by the app's first start, contrat_desktop/deployment.py).
; The uninstaller removes the program files, shortcuts and registry keys only: the users'
; dossiers (%LOCALAPPDATA%\contrat_desktop, or wherever they saved their .cdv files) are kept.
;
; 64-bit installer (Target amd64-unicode): the app is 64-bit, and the 32-bit stub does not
; run under a 64-bit-only wine, which verify_under_wine.sh uses to check it on Linux.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true
RequestExecutionLevel user

!ifndef VERSION
  !error "VERSION manque : makensis -DVERSION=0.1.0 -DAPPDIR=... contrat-desktop.nsi"
!endif
!ifndef APPDIR
  !error "APPDIR manque : le dossier de l'application PyInstaller (-DAPPDIR=...)"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\build\contrat-desktop-${VERSION}-installation.exe"
!endif
; VIProductVersion wants four numbers: 0.1.0 -> 0.1.0.0 (pass -DVIVERSION for other forms)
!ifndef VIVERSION
  !define VIVERSION "${VERSION}.0"
!endif

!define APPNAME "Contrat de ville"
!define SLUG "contrat-desktop"
!define EXE "contrat-desktop.exe"
!define CLI "contrat-desktop-cli.exe"
!define UNINSTALLER "desinstaller.exe"
!define PUBLISHER "Équipe contrat_desktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${SLUG}"
!define EXTENSION ".cdv"
!define PROGID "ContratDesktop.Dossier"
!define SHCNE_ASSOCCHANGED 0x08000000

!ifdef SERVICE
  !tempfile DEPLOYMENT_INI
  !appendfile /CHARSET=UTF8 "${DEPLOYMENT_INI}" "[deploiement]$\r$\n"
  !ifdef ORGANISATION
    !appendfile /CHARSET=UTF8 "${DEPLOYMENT_INI}" "organisation = ${ORGANISATION}$\r$\n"
  !endif
  !appendfile /CHARSET=UTF8 "${DEPLOYMENT_INI}" "service = ${SERVICE}$\r$\n"
  !ifdef DOSSIER
    !appendfile /CHARSET=UTF8 "${DEPLOYMENT_INI}" "dossier = ${DOSSIER}$\r$\n"
  !endif
  !ifdef PRINCIPAL
    !appendfile /CHARSET=UTF8 "${DEPLOYMENT_INI}" "principal = ${PRINCIPAL}$\r$\n"
  !endif
!endif

Name "${APPNAME}"
!ifdef SERVICE
  Caption "${APPNAME} ${VERSION} – ${SERVICE}"
!endif
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${SLUG}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VIVERSION}"
VIAddVersionKey /LANG=1036 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de ${APPNAME}"
VIAddVersionKey /LANG=1036 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "Licence MIT"

!include "MUI2.nsh"
!include "FileFunc.nsh"

!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Lancer ${APPNAME}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "French"

Section "${APPNAME}" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An update replaces the previous program files (never the dossiers, which are elsewhere).
  RMDir /r "$INSTDIR\_internal"
  File /r "${APPDIR}\*.*"

!ifdef SERVICE
  ; One installer per service: the app's first start reads this instead of asking
  ; (contrat_desktop/deployment.py). Written at compile time in UTF-8, as the app reads it
  ; (WriteINIStr would write the Windows ANSI code page: accents would be lost).
  File "/oname=deploiement.ini" "${DEPLOYMENT_INI}"
!endif

  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0

  ; The dossier extension, for this user only: double-clicking a .cdv file opens it.
  WriteRegStr HKCU "Software\Classes\${EXTENSION}" "" "${PROGID}"
  WriteRegNone HKCU "Software\Classes\${EXTENSION}\OpenWithProgids" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Dossier ${APPNAME}"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$\"$INSTDIR\${EXE}$\",0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" \
    "$\"$INSTDIR\${EXE}$\" $\"%1$\""
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  ; "Apps and features" entry, per user.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$\"$INSTDIR\${EXE}$\",0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" "$\"$INSTDIR\${UNINSTALLER}$\""
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" "$\"$INSTDIR\${UNINSTALLER}$\" /S"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

!ifdef DEPLOYMENT_INI
  !delfile "${DEPLOYMENT_INI}"
!endif

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"

  ; The program files only, by name: never RMDir /r "$INSTDIR", in case the user installed
  ; into a folder of their own. The dossiers are not here (%LOCALAPPDATA%\contrat_desktop or
  ; wherever the users saved them) and are kept.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI}"
  Delete "$INSTDIR\deploiement.ini"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"

  ; The association, only what is ours (another program may have taken .cdv since).
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegValue HKCU "Software\Classes\${EXTENSION}\OpenWithProgids" "${PROGID}"
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXTENSION}\OpenWithProgids"
  ReadRegStr $0 HKCU "Software\Classes\${EXTENSION}" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegValue HKCU "Software\Classes\${EXTENSION}" ""
  DeleteRegKey /ifempty HKCU "Software\Classes\${EXTENSION}"
  System::Call 'shell32::SHChangeNotify(i ${SHCNE_ASSOCCHANGED}, i 0, p 0, p 0)'

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
