#!/bin/sh
# Install the .deb on a clean Debian 12 made with debootstrap, run it, remove it.
#
#   debootstrap --variant=minbase bookworm /work/deb12-clean http://deb.debian.org/debian
#   packaging/verify_deb_chroot.sh /work/deb12-clean packaging/build/contrat-desktop_*.deb
#
# Needs root (chroot, mounts). The clean system is copied first (to CHROOT.essai), so it stays
# clean for the next run. Prints each command run in the chroot and its output; the README's
# "Installateurs" section reports one such run. apt installs the package's Depends and
# nothing else is installed beforehand, so a missing library shows up as a failed start here.
set -eu
BASE=$(cd "$1" && pwd)
DEB=$2
NAME=$(basename "$DEB")
CHROOT=$BASE.essai
rm -rf "$CHROOT"
cp -a "$BASE" "$CHROOT"

cleanup() {
    for mount in dev/pts dev sys proc; do
        mountpoint -q "$CHROOT/$mount" && umount "$CHROOT/$mount" || true
    done
}
trap cleanup EXIT INT TERM
mountpoint -q "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc"
mountpoint -q "$CHROOT/sys" || mount -t sysfs sysfs "$CHROOT/sys"
mountpoint -q "$CHROOT/dev" || mount --bind /dev "$CHROOT/dev"
mountpoint -q "$CHROOT/dev/pts" || mount --bind /dev/pts "$CHROOT/dev/pts"
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
cp "$DEB" "$CHROOT/root/$NAME"

step() {
    echo "\$ $1"
    chroot "$CHROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        DEBIAN_FRONTEND=noninteractive sh -c "cd /root && $1" 2>&1
    echo "→ code de sortie $?"
}
set +e
step "apt-get update -qq"
step "dpkg -l contrat-desktop 2>/dev/null | tail -1; ls /root/.local/share/contrat_desktop 2>&1"
step "apt-get install -y -q ./$NAME | grep -E 'newly installed|Setting up contrat'"
step "ls -l /usr/bin/contrat-desktop /usr/bin/contrat-desktop-cli"
step "ls /usr/share/applications/contrat-desktop.desktop /usr/share/icons/hicolor/scalable/apps/"
step "du -sh /opt/contrat-desktop"
# every bundled library finds what it needs (a real window uses the xcb platform plugin);
# only Qt's optional GTK theme plugin may miss GTK, which Qt then skips
step "cd /opt/contrat-desktop/_internal && find . -name '*.so*' -type f | LD_LIBRARY_PATH=. xargs ldd 2>/dev/null | grep 'not found' | sort | uniq -c"
step "contrat-desktop --version"
step "contrat-desktop-cli --version"
step "contrat-desktop-cli init /root/demo.cdv --demo"
step "contrat-desktop-cli info --db /root/demo.cdv | head -8"
step "contrat-desktop-cli minutes 1 --db /root/demo.cdv -o /root/cr.pdf"
step "QT_QPA_PLATFORM=offscreen timeout 20 contrat-desktop --quit-when-shown /root/demo.cdv; echo \$?"
step "ls /root/.local/share/contrat_desktop"
# first start of a new user: no argument, no preferences -> the demo dossier is created
step "HOME=/root/nouvel-agent QT_QPA_PLATFORM=offscreen timeout 20 contrat-desktop --quit-when-shown; echo \$?"
step "ls /root/nouvel-agent/.local/share/contrat_desktop"
step "apt-get remove -y -q contrat-desktop | tail -2"
step "ls /opt/contrat-desktop /usr/bin/contrat-desktop-cli 2>&1; ls -l /root/demo.cdv"
step "ls /root/.local/share/contrat_desktop /root/nouvel-agent/.local/share/contrat_desktop"
step "dpkg -l contrat-desktop 2>&1 | tail -1"
