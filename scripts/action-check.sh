#!/usr/bin/env bash
# The shell step of action.yml: pack Agentry from the action's checkout, install the tarball
# into a prefix of its own, run `agentry check` in the workspace twice (annotations, then SARIF)
# and hand the exit status to the later steps through $GITHUB_OUTPUT.
set -euo pipefail
: "${AGENTRY_ACTION_PATH:?}" "${GITHUB_WORKSPACE:?}" "${GITHUB_OUTPUT:?}"
work="${RUNNER_TEMP:-$(mktemp -d)}/agentry-action"
mkdir -p "$work"
(
  cd "$AGENTRY_ACTION_PATH"
  [ -d node_modules ] || npm ci --no-audit --no-fund --silent
  npm pack --pack-destination "$work" --silent >/dev/null
)
npm install -g --prefix "$work/prefix" --no-audit --no-fund --silent "$work"/agentry-*.tgz
agentry="$work/prefix/bin/agentry"

cd "$GITHUB_WORKSPACE"
read -r -a paths <<< "${AGENTRY_PATHS:-.}"
limit=()
[ -z "${AGENTRY_MAX_WARNINGS:-}" ] || limit=(--max-warnings "$AGENTRY_MAX_WARNINGS")
sarif="${AGENTRY_SARIF:-agentry.sarif}"
status=0
"$agentry" check "${paths[@]}" "${limit[@]}" --format github || status=$?
if [ "$status" -le 1 ]; then
  "$agentry" check "${paths[@]}" --format sarif > "$sarif" || [ $? -le 1 ]
  echo "sarif-written=true" >> "$GITHUB_OUTPUT"
fi
echo "exit-code=$status" >> "$GITHUB_OUTPUT"
