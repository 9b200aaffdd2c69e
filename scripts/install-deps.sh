#!/usr/bin/env bash
# Installs the Debian packages CivicDesk needs to build, run and test, skipping those present.
# Uses sudo when not run as root. Swift itself is expected at /opt/swift (see README.md).
set -euo pipefail

packages=(
    # build: GTK 4 + libadwaita, PC/SC, OpenSSL, SQLite, xlsx, PKCS#11 header
    pkg-config libgtk-4-dev libadwaita-1-dev libpcsclite-dev libssl-dev libsqlite3-dev
    libxlsxwriter-dev libp11-kit-dev zlib1g-dev libxml2-dev
    # tests: DI files checked against the DTD (xmllint), Big5 fixtures made with iconv (libc-bin)
    libxml2-utils
    # tests: the letters' PDFs read back as text in layout order (pdftotext)
    poppler-utils
    # tests: other zip readers to check the submission package against
    unzip
    # the roster benchmark: peak memory of each step (GNU time -v)
    time
    # cards: the PC/SC daemon with the virtual reader driver, PKCS#11 tokens and tools
    pcscd vsmartcard-vpcd softhsm2 opensc openssl
    # the card lab (scripts/card-lab.sh): a private network namespace needs `ip`
    iproute2
    # the window under test: virtual screen, session bus, accessibility bus, screenshots, clipboard
    xvfb dbus dbus-x11 at-spi2-core python3-pyatspi imagemagick procps xclip x11-utils
    # Chinese text: fonts and the zh_TW locale definition
    fonts-noto-cjk fonts-cns11643-kai locales gettext
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "Installing Debian packages: ${missing[*]}"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1 && [ ! -x /opt/swift/usr/bin/swift ]; then
    echo "Swift 6.3 was not found on PATH or at /opt/swift; install it there first (see README.md)." >&2
    exit 1
fi
