#!/usr/bin/env bash
# Builds the till's and the server's .deb from the assembled dist folder:
#   build-debs.sh <dist> <out> <version> <jdk> <javafx-jar-dir>
# Each package carries its own runtime, made by the JDK's jlink (JavaFX's jars on the module path for the till), the
# dist's launchers (which find that runtime first) and its jars, under /opt/chainpos-till or /opt/chainpos-server.
# dpkg-deb builds the package from a staging tree, so the control file, maintainer scripts, systemd unit and
# /etc conffile are exactly the ones in this folder; --root-owner-group makes fakeroot unnecessary.
set -euo pipefail
dist=$1 out=$2 version=$3 jdk=$4 fx=$5
here=$(cd "$(dirname "$0")" && pwd)
# A Debian version may not hold '-' in its upstream part without a revision: 0.1.0-SNAPSHOT becomes 0.1.0~SNAPSHOT.
deb_version=${version//-/\~}
work="$out/deb-work"
rm -rf "$work"
mkdir -p "$work" "$out"

# Modules the till and the server use (jdeps over their jars), plus charsets (GB18030 receipts), locale data for
# Chinese and English, and JFR/management for diagnostics.
common=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,java.prefs,jdk.unsupported,jdk.charsets,jdk.localedata,jdk.jfr,jdk.management,jdk.zipfs,jdk.crypto.ec
link() { # <output> <extra modules> [module path]
  "$jdk/bin/jlink" ${3:+--module-path "$3"} --add-modules "$common${2:+,$2}" --include-locales=en,zh \
    --strip-debug --no-header-files --no-man-pages --compress zip-6 --output "$1"
}

installed_size() { du -sk --exclude=DEBIAN "$1" | cut -f1; }

finish() { # <tree> <template dir> <package file>
  local tree=$1 templates=$2
  mkdir -p "$tree/DEBIAN"
  sed -e "s/@VERSION@/$deb_version/" -e "s/@SIZE@/$(installed_size "$tree")/" "$templates/control" > "$tree/DEBIAN/control"
  for script in preinst postinst prerm postrm; do
    if [ -f "$templates/$script" ]; then
      install -m 755 "$templates/$script" "$tree/DEBIAN/$script"
    fi
  done
  if [ -f "$templates/conffiles" ]; then
    install -m 644 "$templates/conffiles" "$tree/DEBIAN/conffiles"
  fi
  dpkg-deb --root-owner-group -Zgzip --build "$tree" "$3" >/dev/null
}

# --- the till ----------------------------------------------------------------------------------------------
till="$work/till"
opt="$till/opt/chainpos-till"
mkdir -p "$opt/bin" "$opt/lib/till" "$opt/conf" "$opt/libexec" "$till/usr/bin" "$till/usr/share/applications" \
  "$till/usr/share/icons/hicolor/scalable/apps"
fxpath=$(ls "$fx"/javafx-*-linux.jar | tr '\n' ':')
link "$opt/runtime" javafx.controls "$fxpath" &
till_link=$!
install -m 755 "$dist/bin/till" "$opt/bin/till"
install -m 644 "$dist/libexec/find-java" "$opt/libexec/find-java"
install -m 644 "$dist/conf/till-logback.xml" "$opt/conf/"
# JavaFX is a module of the runtime: its jars stay out of the class path.
find "$dist/lib/till" -name '*.jar' ! -name 'javafx-*' -exec install -m 644 {} "$opt/lib/till/" \;
install -m 755 "$here/till/chainpos-till" "$till/usr/bin/chainpos-till"
install -m 644 "$here/till/chainpos-till.desktop" "$till/usr/share/applications/"
install -m 644 "$here/till/chainpos-till.svg" "$till/usr/share/icons/hicolor/scalable/apps/"

# --- the server --------------------------------------------------------------------------------------------
server="$work/server"
opt="$server/opt/chainpos-server"
mkdir -p "$opt/bin" "$opt/lib/server" "$opt/conf" "$opt/libexec" "$server/usr/bin" "$server/etc/chainpos" \
  "$server/lib/systemd/system"
link "$opt/runtime" java.instrument,java.rmi,java.security.jgss,java.security.sasl,java.transaction.xa &
server_link=$!
install -m 755 "$dist/bin/sync-server" "$opt/bin/sync-server"
install -m 644 "$dist/libexec/find-java" "$opt/libexec/find-java"
install -m 644 "$dist/conf/server-logback.xml" "$opt/conf/"
install -m 644 "$dist"/lib/server/*.jar "$opt/lib/server/"
install -m 755 "$here/server/chainpos-server" "$server/usr/bin/chainpos-server"
install -m 644 "$here/server/server.conf" "$server/etc/chainpos/server.conf"
install -m 644 "$here/server/chainpos-server.service" "$server/lib/systemd/system/"
printf '/etc/chainpos/server.conf\n' > "$work/server-conffiles"

wait "$till_link"
wait "$server_link"
finish "$till" "$here/till" "$out/chainpos-till_${deb_version}_amd64.deb"
cp -r "$here/server" "$work/server-templates"
cp "$work/server-conffiles" "$work/server-templates/conffiles"
finish "$server" "$work/server-templates" "$out/chainpos-server_${deb_version}_amd64.deb"
rm -rf "$work"
ls -1 "$out"/*.deb
