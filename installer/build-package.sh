#!/usr/bin/env bash
# Builds Arbiter's native package with the JDK's jlink and jpackage (docs/installer.md):
#   installer/build-package.sh deb|rpm VERSION        (on Linux; msi on Windows, dmg on macOS)
# Needs app/target/arbiter.jar and app/target/libs/ (mvn -B -DskipTests package).
set -euo pipefail
type=${1:?package type: deb, rpm, msi or dmg}
version=${2:?version, e.g. 0.1.0}
version=${version%-SNAPSHOT}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
target="$here/target"
[ -f "$root/app/target/arbiter.jar" ] || { echo "build the app first: mvn -B -DskipTests package" >&2; exit 1; }

rm -rf "$target/input" "$target/runtime" "$target/package"
mkdir -p "$target/input/libs" "$target/package"
cp "$root/app/target/arbiter.jar" "$target/input/"
for jar in "$root/app/target/libs/"*.jar; do
  case "$(basename "$jar")" in
    duckdb_jdbc-*) ;;
    *) cp "$jar" "$target/input/libs/" ;;
  esac
done
# The DuckDB driver carries natives for four platforms (~240 MB); keep this platform's only, beside the
# driver's jar, where the driver loads it in place (no ~70 MB unpacked to a temporary file at each start).
case "$type" in
  deb|rpm) keep=libduckdb_java.so_linux_amd64 ;;
  msi) keep=libduckdb_java.so_windows_amd64 ;;
  dmg) keep=libduckdb_java.so_macos_arm64 ;;
  *) echo "unknown package type $type" >&2; exit 2 ;;
esac
duck=$(ls "$root/app/target/libs/"duckdb_jdbc-*.jar)
java "$root/tools/StripNatives.java" "$duck" "$target/input/libs/$(basename "$duck")" "$keep"
# the app's build has usually moved them out already (app/pom.xml): then this platform's is beside the jar
[ -f "$target/input/libs/$keep" ] || cp "$root/app/target/libs/$keep" "$target/input/libs/"

# A runtime with the JDK modules Arbiter uses (jdeps, one jar at a time; JavaFX stays on the class path).
jlink --add-modules java.base,java.desktop,java.logging,java.sql,java.prefs,java.naming,java.management,java.xml,java.scripting,jdk.unsupported,jdk.jfr,jdk.charsets,jdk.crypto.ec,jdk.localedata,jdk.zipfs,jdk.management \
  --strip-debug --no-header-files --no-man-pages --output "$target/runtime"

common=(--name arbiter --app-version "$version" --vendor "Arbiter"
  --description "Decide A/B tests of LLMs in production: offline, on exported events, with a signed decision record."
  --copyright "Arbiter contributors"
  --input "$target/input" --main-jar arbiter.jar --main-class dev.arbiter.app.Launcher
  --runtime-image "$target/runtime" --dest "$target/package"
  --java-options "-Xss2m")
case "$type" in
  deb|rpm)
    mkdir -p /usr/share/desktop-directories 2>/dev/null || true
    extra=(--icon "$here/src/linux/arbiter.png" --linux-shortcut --linux-menu-group "Office;Science;"
      --linux-app-category science --file-associations "$here/src/linux/arbiter-workspace.properties"
      --resource-dir "$here/src/linux/resources" --linux-package-deps "libgtk-3-0, xdg-utils")
    [ "$type" = deb ] && extra+=(--linux-deb-maintainer "Arbiter <arbiter@localhost>")
    ;;
  msi) extra=(--icon "$here/src/windows/arbiter.ico" --win-menu --win-shortcut --win-dir-chooser --win-console
      --file-associations "$here/src/windows/arbiter-workspace.properties") ;;
  dmg) extra=(--icon "$here/src/macos/arbiter.icns" --file-associations "$here/src/macos/arbiter-workspace.properties") ;;
esac
jpackage --type "$type" "${common[@]}" "${extra[@]}"
ls -l "$target/package"
