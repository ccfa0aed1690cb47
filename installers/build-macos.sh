#!/usr/bin/env bash
# Build the macOS app and its disk image, from the repository:
#   installers/build-macos.sh
# gives dist/SitePlanner.app (Info.plist declares the .siteplan document type) and
# dist/siteplanner-VERSION-macos-ARCH.dmg (drag the app onto Applications), and writes sizes
# and start-up times to dist/build-macos.log. The app is signed ad hoc by PyInstaller; set
# CODESIGN_IDENTITY to sign it with a Developer ID instead (notarising is a separate step).
# Needs Python 3.11+ (python3.11 or python3 on PATH) and the Xcode command-line tools (hdiutil,
# codesign and plutil come with macOS).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
VENV=${VENV:-$ROOT/.venv-macos}
PY="$VENV/bin/python"
DIST="$ROOT/dist"
WORK="$ROOT/build/pyinstaller"
LOG="$DIST/build-macos.log"

log() { echo "$*" | tee -a "$LOG"; }

if [ ! -x "$PY" ]; then
    "$(command -v python3.11 || command -v python3)" -m venv "$VENV"
fi
"$PY" -m pip install --quiet --upgrade pip
"$PY" -m pip install --quiet -e ".[dev,installers]"

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(uname -m)
APP="$DIST/SitePlanner.app"
DMG="$DIST/siteplanner-$VERSION-macos-$ARCH.dmg"
mkdir -p "$DIST"
: > "$LOG"
log "SitePlanner $VERSION, macOS $ARCH app, built $(date -u +%Y-%m-%dT%H:%M:%SZ)"

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
    installers/siteplanner.spec
log "pyinstaller: $(( $(date +%s) - start )) s"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
    codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$APP"
fi
codesign --verify --deep --strict "$APP"
# The document type must be declared, or Finder will not offer the app for .siteplan files.
plutil -lint "$APP/Contents/Info.plist"
plutil -extract CFBundleDocumentTypes.0.LSItemContentTypes.0 raw "$APP/Contents/Info.plist" \
    | grep -qx org.siteplanner.plan

# The disk image: the app and a link to /Applications to drag it onto.
STAGE="$WORK/dmg"
rm -rf "$STAGE"
mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "SitePlanner $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO \
    -ov "$DMG"
hdiutil verify "$DMG"

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
log "app unpacked: $(mb $(( $(du -sk "$APP" | cut -f1) * 1024 )))"
log "disk image: $(mb "$(stat -f %z "$DMG")") $(basename "$DMG")"
EXE="$APP/Contents/MacOS/siteplanner"
best=999
for _ in 1 2 3; do
    t=$("$PY" - "$EXE" <<'PYEOF'
import subprocess, sys, time
t = time.perf_counter()
subprocess.run([sys.argv[1], "--version"], env={}, capture_output=True, check=True)
print(f"{time.perf_counter() - t:.2f}")
PYEOF
)
    best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b) ? a : b }')
done
log "siteplanner --version: $best s"
SHOT=$(mktemp -d)
t=$("$PY" - "$EXE" "$SHOT/shot.png" <<'PYEOF'
import subprocess, sys, time
t = time.perf_counter()
subprocess.run([sys.argv[1], "open", "--screenshot", sys.argv[2]], env={}, capture_output=True, check=True)
print(f"{time.perf_counter() - t:.2f}")
PYEOF
)
log "editor window up, sample drawn, screenshot saved: $t s"
rm -rf "$SHOT"
echo "Built $APP and $DMG; figures in $LOG"
