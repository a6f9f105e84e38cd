#!/usr/bin/env bash
# The README's promise, checked as a new user would meet it: clone main into an empty folder
# (no ../shared beside it, no build output), then run the README's two commands exactly as
# written there — the test command, and the run command in its smoke form (under Xvfb, with
# ARBITER_EXIT_WHEN_READY=1 so the app exits once the sample is on screen). Needs git and xvfb-run.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"

# The first fenced block under a README heading, e.g. readme_command "## Test it".
readme_command() {
  awk -v heading="$1" '
    $0 == heading { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    found && inside { print }
  ' "$repo/README.md"
}
test_command="$(readme_command "## Test it")"
run_command="$(readme_command "## Run it")"
[ -n "$test_command" ] && [ -n "$run_command" ] || { echo "fresh clone: README commands not found" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/arbiter"
cd "$work/arbiter"
[ ! -e ../shared ] || { echo "fresh clone: $work/shared must not exist" >&2; exit 1; }
echo "fresh clone of $(git rev-parse --short HEAD) in $work/arbiter"

# A user's machine: no CI switch that requires ../shared.
unset ARBITER_REQUIRE_SHARED_DATASETS

echo "fresh clone: $test_command"
bash -c "$test_command"

# The app as on a first launch: a home of its own (Java takes user.home from the password file,
# not $HOME), so the sample is created as a new user's would be; Maven keeps the machine's
# repository of downloaded artifacts.
mkdir -p "$work/home"
echo "fresh clone: $run_command   (under xvfb-run, ARBITER_EXIT_WHEN_READY=1, a new user's home)"
ARBITER_EXIT_WHEN_READY=1 JAVA_TOOL_OPTIONS="-Duser.home=$work/home" \
  MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=${HOME}/.m2/repository" \
  xvfb-run -a -s "-screen 0 1440x900x24" bash -c "$run_command" > "$work/run.out" 2>&1 \
  || { cat "$work/run.out"; echo "fresh clone: the run command failed" >&2; exit 1; }
cat "$work/run.out"
ready="$(grep -o 'arbiter ready:.*section=Results' "$work/run.out")" \
  || { echo "fresh clone: the app did not show the sample's Results" >&2; exit 1; }
echo "fresh clone: the README's commands pass ($ready)"
