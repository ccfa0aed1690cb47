#!/bin/sh
# Install SitePlanner for the current user, without root: the program into
# $XDG_DATA_HOME/siteplanner (default ~/.local/share/siteplanner), a `siteplanner` command into
# ~/.local/bin, and the menu entry, icons and the .siteplan file type into the XDG folders.
#   ./install.sh              install (again: replaces the previous version)
#   ./install.sh --uninstall  remove all of it
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=${SITEPLANNER_BIN_DIR:-$HOME/.local/bin}
app="$data/siteplanner"
sizes="16 24 32 48 64 128 256 512"

refresh() {
    # Let the desktop see the change now; each tool is optional.
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$data/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database "$data/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -rf "$app"
    rm -f "$bin/siteplanner" "$data/applications/siteplanner.desktop" \
        "$data/mime/packages/siteplanner.xml"
    for s in $sizes; do
        rm -f "$data/icons/hicolor/${s}x${s}/apps/siteplanner.png" \
            "$data/icons/hicolor/${s}x${s}/mimetypes/application-x-siteplan.png"
    done
    refresh
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    echo "SitePlanner removed."
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi

mkdir -p "$data/applications" "$data/mime/packages" "$bin"
# Copy beside the old copy, then swap, so that a failed copy leaves the old one working.
rm -rf "$app.new"
cp -R "$here/siteplanner" "$app.new"
rm -rf "$app"
mv "$app.new" "$app"
ln -sf "$app/siteplanner" "$bin/siteplanner"

sed "s|@EXEC@|$app/siteplanner|g" "$here/share/applications/siteplanner.desktop" \
    > "$data/applications/siteplanner.desktop"
cp "$here/share/mime/packages/siteplanner.xml" "$data/mime/packages/siteplanner.xml"
for s in $sizes; do
    for kind in apps mimetypes; do
        mkdir -p "$data/icons/hicolor/${s}x${s}/$kind"
    done
    cp "$here/share/icons/hicolor/${s}x${s}/apps/siteplanner.png" \
        "$data/icons/hicolor/${s}x${s}/apps/siteplanner.png"
    cp "$here/share/icons/hicolor/${s}x${s}/apps/siteplanner.png" \
        "$data/icons/hicolor/${s}x${s}/mimetypes/application-x-siteplan.png"
done
refresh

echo "SitePlanner installed in $app"
echo "Start it from the applications menu, or run: $bin/siteplanner"
case ":$PATH:" in
    *":$bin:"*) ;;
    *) echo "($bin is not on your PATH: add it to use the siteplanner command.)" ;;
esac
