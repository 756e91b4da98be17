#!/bin/sh
# Openness Kiosk deb: after install. It changes only the package's own files.
#
# electron-builder's default script also writes outside the package: a /usr/bin link through
# update-alternatives, an AppArmor profile copied into /etc/apparmor.d, and the MIME and desktop
# caches. This package ships /usr/bin/openness-kiosk as a file of its own instead, and dpkg's
# triggers refresh the desktop database.
#
# Chromium's sandbox needs either user namespaces, which Ubuntu 24.04 and later allow only to
# programs with an AppArmor profile, or its setuid helper. The helper works on every
# distribution and lives in the package's own folder, so make it setuid root here.
set -e
chown root:root '/opt/${sanitizedProductName}/chrome-sandbox'
chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox'
