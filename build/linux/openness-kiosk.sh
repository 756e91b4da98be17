#!/bin/sh
# /usr/bin/openness-kiosk, installed by the deb: runs the kiosk from its install folder.
exec "/opt/Openness Kiosk/openness-kiosk" "$@"
