#!/usr/bin/env bash
# The check step of action.yml: `joinery check` on the action's inputs, with GitHub
# annotations in the log and, when asked, SARIF for code scanning. It records the
# exit code as the step's output (exit-code) and exits 0, so that the SARIF is
# uploaded before a later step fails the job.
set -uo pipefail
read -r -a paths <<< "${JOINERY_PATHS:-.}"
read -r -a extra <<< "${JOINERY_ARGS:-}"
options=()
[[ -n "${JOINERY_BASELINE:-}" ]] && options+=(--baseline "$JOINERY_BASELINE")
[[ -n "${JOINERY_MAX_WARNINGS:-}" ]] && options+=(--max-warnings "$JOINERY_MAX_WARNINGS")
# Globs stay quoted: joinery expands them itself.
node "$JOINERY" check "${paths[@]}" "${options[@]}" "${extra[@]}" --format github
code=$?
if [[ "${JOINERY_SARIF:-false}" == true ]]; then
    node "$JOINERY" check "${paths[@]}" "${options[@]}" "${extra[@]}" --format sarif --output "${JOINERY_SARIF_FILE:-joinery.sarif}" 2>/dev/null || true
fi
echo "exit-code=$code" >> "${GITHUB_OUTPUT:-/dev/null}"
exit 0
