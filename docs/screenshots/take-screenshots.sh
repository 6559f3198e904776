#!/usr/bin/env bash
# Takes the README's screenshots from the running demo till: starts a virtual display (Xvfb), runs
# installer/target/dist/bin/demo in a fresh folder, and drives the till with xdotool the way a cashier would
# (people type slowly, the scanner types a code in a few milliseconds and ends it with Enter).
# Needs Debian's xvfb, libgtk-3-0, xdotool, imagemagick and fonts-noto-cjk; build the dist first:
#   ./mvnw -B -q -DskipTests package && docs/screenshots/take-screenshots.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out="$repo/docs/screenshots"
work=$(mktemp -d)
display=:${CHAINPOS_SHOT_DISPLAY:-97}
port=${CHAINPOS_DEMO_PORT:-18097}

Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  [ -n "${till:-}" ] && kill "$till" 2>/dev/null || true
  [ -n "${demo:-}" ] && wait "$demo" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  [ -n "${CHAINPOS_SHOT_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
export DISPLAY=$display LANG=C.UTF-8

(cd "$work" && CHAINPOS_DEMO_PORT=$port CHAINPOS_TILL_OPTS="-Dprism.order=sw" "$repo/installer/target/dist/bin/demo" \
  >"$work/demo.out" 2>&1) &
demo=$!
for _ in $(seq 1 120); do
  window=$(xdotool search --name ChainPOS 2>/dev/null | head -1 || true)
  [ -n "$window" ] && break
  sleep 0.5
done
[ -n "$window" ] || { echo "the till's window did not open; see $work/demo.out" >&2; cat "$work/demo.out" >&2; exit 1; }
till=$(pgrep -f "TillMain --data $work/demo-data/till" | head -1)
sleep 2
xdotool windowfocus "$window"

person() { xdotool type --delay 140 "$1"; sleep 0.4; }
press() { xdotool key "$@"; sleep 0.8; }
scan() { xdotool type --delay 4 "$1"; xdotool key --delay 4 Return; sleep 0.7; }
shot() { sleep 1; import -window root "$out/$1"; echo "wrote docs/screenshots/$1"; }

# first run: the owner's account (the demo enrolled the till), then sign in and open the shift with 500
person "王店主"; press Tab Tab; person 8888; press Tab; person 8888; press Return; sleep 2
press ctrl+l                       # 中文
person 8888; press Return; sleep 2
person 500; press Return; press Escape
# a member (李娜, silver card) by her card, then the goods: scanned, and a weighed item typed with its weight
press F1; scan 880000000002; press Return
for code in 6901234000016 6901234000016 6901234000078 6901234000115 6901234000047 6901234000139; do scan "$code"; done
person "0.62*200002"; press Return
shot sale-screen-zh.png
# payment: 20 yuan by bank card with its slip number, the rest in cash
press F12; press F2; person 20; press Tab; person POS-3381; press Return; sleep 1
person 50
shot payment-zh.png
press Return; sleep 1.5
shot payment-done-zh.png
press Return
# the same counter in English
press ctrl+l; scan 6901234000023; scan 6901234000108
shot sale-screen-en.png
