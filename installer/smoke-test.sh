#!/usr/bin/env bash
# The installer's proof (docs/installer.md): builds the .deb, installs it with apt, launches the
# installed app under xvfb-run on the support-bot sample rendering every screen, runs `arbiter
# sample`, `import`, `analyze`, `keygen`, `report --sign`, `verify` and `reproduce` from the installed binary, then uninstalls it.
# Needs root (CI runs as root) and the app built (mvn -B verify or package).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need=()
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
command -v dpkg-deb >/dev/null 2>&1 || need+=(dpkg-dev)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== building the .deb"
mvn -B -q -o -DskipTests -Pdeb -pl installer package 2>/dev/null || mvn -B -q -DskipTests -Pdeb -pl installer package
deb=$(ls "$root"/installer/target/package/arbiter_*.deb)
size=$(stat -c %s "$deb")
echo "$(basename "$deb"): $((size / 1024 / 1024)) MB"
[ "$size" -le $((80 * 1024 * 1024)) ] || { echo "FAIL: the .deb is over 80 MB" >&2; exit 1; }

echo "== installing"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
command -v arbiter >/dev/null || { echo "FAIL: arbiter is not on the PATH" >&2; exit 1; }
ls /usr/share/applications/*arbiter*.desktop >/dev/null 2>&1 || { echo "FAIL: no desktop entry" >&2; exit 1; }
arbiter --version

echo "== the installed app, on a display, renders every screen of the support-bot sample"
HOME="$work/home" xvfb-run -a -s "-screen 0 1440x900x24" arbiter snapshot --display --out "$work/shots"
for section in data plan monitor results segments guardrails decision; do
  [ -s "$work/shots/$section-light.png" ] || { echo "FAIL: no $section screen" >&2; exit 1; }
done
echo "7 screens rendered"

echo "== the installed app, started with nothing given, shows the sample (a new user's first launch)"
ARBITER_EXIT_WHEN_READY=1 JAVA_TOOL_OPTIONS="-Duser.home=$work/first-user" \
  xvfb-run -a -s "-screen 0 1440x900x24" arbiter | grep 'arbiter ready:.*section=Results' \
  || { echo "FAIL: the installed app did not show the sample's Results" >&2; exit 1; }

echo "== the installed command line"
arbiter sample support-bot --workspace "$work/sb.arbiter"
arbiter analyze --workspace "$work/sb.arbiter" --experiment "$work/support-bot.experiment.json" --json "$work/sb.json"
grep -q '"recommendation" : "segment"' "$work/sb.json" || { echo "FAIL: unexpected analysis" >&2; exit 1; }
arbiter import "$root/../shared/datasets/cookie_cats/cookie_cats.csv" --workspace "$work/cats.arbiter"
arbiter analyze --workspace "$work/cats.arbiter" --experiment "$root/importers/src/test/resources/experiments/cookie-cats.json" \
  | grep "Recommendation: do_not_ship"
printf '%s' '{"decision":"no_difference","rationale":"smoke test","signoffs":[{"name":"CI","role":"Analyst","approve":true,"date":"2026-03-20"}]}' \
  > "$work/decision.json"
arbiter keygen --out "$work/ci.p12" --name "CI Signer" --password smoke
arbiter report --workspace "$work/sb.arbiter" --experiment "$work/support-bot.experiment.json" --decision "$work/decision.json" \
  --out "$work/decision.pdf" --sign "$work/ci.p12" --password smoke
arbiter verify "$work/decision.pdf" | grep -q "CI Signer" || { echo "FAIL: the signed report does not verify" >&2; exit 1; }
arbiter reproduce "$work/decision.pdf" --workspace "$work/sb.arbiter"

echo "== uninstalling"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq arbiter >/dev/null
hash -r
if [ -e /usr/bin/arbiter ] || [ -e /opt/arbiter/bin/arbiter ]; then echo "FAIL: arbiter is still installed" >&2; exit 1; fi
echo "installer smoke test: passed"
