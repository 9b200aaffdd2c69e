#!/usr/bin/python3
"""icon-lookup.py ICONS_DIR NAME...: fails unless GTK 4's icon theme, searching ICONS_DIR (an
installed share/icons), finds every NAME in the hicolor theme as the application grid would."""

import sys

import gi

gi.require_version("Gtk", "4.0")
from gi.repository import Gtk  # noqa: E402

icons, names = sys.argv[1], sys.argv[2:]
theme = Gtk.IconTheme()
theme.set_search_path([icons])
theme.set_theme_name("hicolor")
missing = [name for name in names if not theme.has_icon(name)]
for name in names:
    print(f"icon {name}: {'found' if name not in missing else 'MISSING'} in {icons}")
sys.exit(1 if missing else 0)
