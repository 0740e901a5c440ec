#!/bin/sh
# Install the Debian/Ubuntu packages Qt needs (display libraries, sound library for
# QtMultimedia, a Japanese font; Xvfb, D-Bus and AT-SPI with its Python
# bindings for tests/ui/test_accessibility.py;
# desktop-file-validate for the start-at-login entry), only those missing. Elsewhere it does nothing:
# see README.md for Windows and macOS.
set -eu
PACKAGES="libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libx11-6 libxkbcommon0 \
libdbus-1-3 libpulse0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 \
fonts-ipafont-gothic poppler-utils \
xvfb dbus at-spi2-core python3-pyatspi desktop-file-utils"
command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || exit 0
python3 -c "import ensurepip" 2>/dev/null || PACKAGES="$PACKAGES python3-venv"
missing=""
for p in $PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing system packages:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
