#!/bin/sh
# Openness Kiosk deb: after remove. dpkg deletes the package's files; the install script wrote
# nothing else, so there is nothing to undo. Each user's data folder (~/.config/openness-kiosk)
# is left alone on purpose: it holds their content.
exit 0
