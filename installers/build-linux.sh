#!/usr/bin/env bash
# Build the Linux bundle and its archive:
#   installers/build-linux.sh
# gives dist/siteplanner/ (run dist/siteplanner/siteplanner; no Python needed) and
# dist/siteplanner-VERSION-linux-ARCH.tar.gz (unpack, run ./install.sh), and writes the sizes
# and start-up times to dist/build-linux.log.
# Uses the project's .venv (made by `make venv` if missing) with PyInstaller from the
# `installers` extra.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
VENV=${VENV:-$ROOT/.venv}
PY="$VENV/bin/python"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
LOG="$DIST/build-linux.log"

log() { echo "$*" | tee -a "$LOG"; }

test -x "$PY" || make venv
"$PY" -c "import PyInstaller, siteplanner._resources" 2>/dev/null \
    || "$PY" -m pip install --quiet -e ".[dev,installers]"

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(uname -m)
NAME="siteplanner-$VERSION-linux-$ARCH"
BUNDLE="$DIST/siteplanner"
mkdir -p "$DIST"
: > "$LOG"
log "SitePlanner $VERSION, Linux $ARCH bundle, built $(date -u +%Y-%m-%dT%H:%M:%SZ)"

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
    installers/siteplanner.spec
log "pyinstaller: $(( $(date +%s) - start )) s"

# Debugging sections only, and only where there are some (a Python built from source carries
# 20 MB of them in libpython); a full strip would break wheels' bundled libraries.
if command -v strip >/dev/null && command -v file >/dev/null; then
    find "$BUNDLE" -type f \( -name '*.so*' -o -name siteplanner \) -print0 \
        | while IFS= read -r -d '' f; do
            if file -b "$f" | grep -q 'with debug_info'; then strip --strip-debug "$f"; fi
        done
fi

# The archive: the bundle, the desktop integration and the script that installs both.
STAGE="$WORK/stage/$NAME"
rm -rf "$WORK/stage"
mkdir -p "$STAGE/share/applications" "$STAGE/share/mime/packages"
cp -R "$BUNDLE" "$STAGE/siteplanner"
cp installers/linux/install.sh "$STAGE/install.sh"
cp installers/linux/siteplanner.desktop "$STAGE/share/applications/siteplanner.desktop"
cp installers/linux/siteplanner-mime.xml "$STAGE/share/mime/packages/siteplanner.xml"
for s in 16 24 32 48 64 128 256 512; do
    mkdir -p "$STAGE/share/icons/hicolor/${s}x${s}/apps"
    cp "resources/icons/siteplanner-$s.png" "$STAGE/share/icons/hicolor/${s}x${s}/apps/siteplanner.png"
done
TARBALL="$DIST/$NAME.tar.gz"
tar -C "$WORK/stage" -czf "$TARBALL" "$NAME"

# Figures (limits: bundle 250 MB unpacked, archive 120 MB, --version under 1 s, editor window
# under 3 s). Times are the best of three runs in a bare environment (env -i).
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
best() {  # best of three runs of "$@": "WALL s wall, CPU s CPU"
    local best_line="" best_t=999 out t cpu
    out=$(mktemp)
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %U %S" -o "$out" "$@" >/dev/null 2>&1 || true
        read -r t user sys < <(tail -1 "$out")
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        if awk -v a="$t" -v b="$best_t" 'BEGIN { exit !(a < b) }'; then
            best_t=$t
            best_line="$t s wall, $cpu s CPU"
        fi
    done
    rm -f "$out"
    echo "$best_line"
}
log "bundle unpacked: $(mb "$(du -sb "$BUNDLE" | cut -f1)") in $(find "$BUNDLE" -type f | wc -l) files"
log "archive: $(mb "$(stat -c %s "$TARBALL")") $(basename "$TARBALL")"
SHOT=$(mktemp -d)
trap 'rm -rf "$SHOT"' EXIT
# A plan with one empty level: the editor's window up, with nothing to analyse.
printf '%s\n' '{"format": "siteplanner", "version": 1, "name": "empty",' \
    ' "levels": [{"id": "L1", "name": "Ground floor"}]}' > "$SHOT/empty.siteplan"
if [ -x /usr/bin/time ]; then
    log "siteplanner --version: $(best env -i "$BUNDLE/siteplanner" --version)"
    log "siteplanner check (sample): $(best env -i "$BUNDLE/siteplanner" check)"
    log "editor window up (empty plan, screenshot saved): $(best env -i "$BUNDLE/siteplanner" open "$SHOT/empty.siteplan" --screenshot "$SHOT/empty.png")"
    log "editor window up, sample analysed and drawn, screenshot saved: $(best env -i "$BUNDLE/siteplanner" open --screenshot "$SHOT/shot.png")"
else
    log "(install GNU time, /usr/bin/time, for the start-up figures)"
fi
log "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Built $BUNDLE and $TARBALL; figures in $LOG"
