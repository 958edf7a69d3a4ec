#!/usr/bin/env bash
# Runs the training program of the repository it runs in, so that the workflow can upload its
# loss plots, and adds one line about the run to the job summary.
#
# Environment:
#   PLOTS_DIR        folder for the PNG plots (default: plots)
#   TRAINING_LIMIT   seconds the run may take before it is stopped (default: 300)
#
# Always exits 0: the plots are feedback for the student, and the grade does not depend on them.
set -uo pipefail

plots="${PLOTS_DIR:-plots}"
limit="${TRAINING_LIMIT:-300}"
log="$(mktemp)"

started=$SECONDS
timeout --kill-after=10 "$limit" ./mvnw -B -q compile exec:java -Dexec.args="--plots $plots" \
  >"$log" 2>&1
status=$?
seconds=$((SECONDS - started))
tail -n 30 "$log"

# The program exits 3 on an unfinished exercise and 1 when training diverged, and its last line
# names the reason.
case "$status" in
  0) line="Training finished in ${seconds} s; the loss plots are in the artifact \`loss-plots\`." ;;
  124 | 137) line="Training was stopped after ${limit} s; the plots of finished models are in the \
artifact \`loss-plots\`." ;;
  *) line="Training stopped with status ${status}: \`$(grep -v '^\s*$' "$log" | tail -n 1 \
| cut -c1-200)\`" ;;
esac
echo "$line"
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  printf '\n### Training run\n\n%s\n' "$line" >>"$GITHUB_STEP_SUMMARY"
fi
rm -f "$log"
exit 0
