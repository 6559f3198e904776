#!/usr/bin/env bash
# Takes the README's screenshots of head office's pages from the running demo server: builds the server, starts
# `serve --demo-data` on a fresh SQLite file with a demo admin, and runs BackOfficeScreenshots (test scope), which
# pushes a little business as till S001-T1 and saves the pages from Debian's headless chromium into
# docs/screenshots/. Needs a JDK 25 (JAVA_HOME), chromium, chromium-driver and fonts-noto-cjk:
#   docs/screenshots/take-backoffice-screenshots.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
out="$repo/docs/screenshots"
work=$(mktemp -d)
port=${CHAINPOS_SHOT_PORT:-18098}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cleanup() {
  [ -n "${server:-}" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  [ -n "${CHAINPOS_SHOT_KEEP:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

cd "$repo"
./mvnw -B -q -pl sync-server -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile="$work/classpath" -Dmdep.includeScope=test
jar="$repo/sync-server/target/sync-server.jar"
password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
echo "$password" | "$java" -jar "$jar" user --db "$work/chainpos.db" --name admin --role hq-admin >/dev/null
code=$("$java" -jar "$jar" enroll --db "$work/chainpos.db" --store S001 --till S001-T1 | tail -n 1)
"$java" -jar "$jar" serve --host 127.0.0.1 --port "$port" --db "$work/chainpos.db" --demo-data >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "the server did not start; see $work/server.log" >&2; cat "$work/server.log" >&2; exit 1; }

echo "$password" | "$java" -cp "$repo/sync-server/target/test-classes:$repo/sync-server/target/classes:$(cat "$work/classpath")" \
  io.chainpos.server.testing.web.BackOfficeScreenshots "http://127.0.0.1:$port/" "$code" admin "$out"
chmod 644 "$out"/backoffice-*.png
