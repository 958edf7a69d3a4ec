#!/usr/bin/env bash
# Grades the repository it runs in, for .github/workflows/classroom.yml: with the hidden grader
# when build-grader.sh built one, otherwise with the visible tests, one point per test.
#
# Environment:
#   GRADER_JAR    grader.jar from build-grader.sh; empty or missing means the visible tests
#   GRADING_NOTE  why the visible tests grade this push, shown at the top of the summary
#   GRADING_OUT   folder for the reports (default: grading-report)
#
# Writes the reports to GRADING_OUT, the step output result=<base64 JSON> for the grading
# reporter action when GITHUB_OUTPUT is set, and summary.md to GITHUB_STEP_SUMMARY when that is
# set. Exits non-zero only when no result could be written.
set -euo pipefail

scripts="$(cd "$(dirname "$0")" && pwd)"
out="${GRADING_OUT:-grading-report}"
jar="${GRADER_JAR:-}"
note="${GRADING_NOTE:-}"
mkdir -p "$out"

# The submission's code runs inside these commands, so they get no GITHUB_OUTPUT to write a
# result of their own into. This script writes the result once they are done.
grade_hidden() {
  # The grader runs the submission in child JVMs with time and memory limits, and exits 0
  # whenever it wrote a report, whatever the score.
  env -u GITHUB_OUTPUT -u GITHUB_STEP_SUMMARY java -jar "$jar" . --out "$out" || return 1
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    echo "result=$(base64 -w0 "$out/autograding-result.json")" >>"$GITHUB_OUTPUT"
  fi
}

grade_visible() {
  # test.failure.ignore lets the build end normally after failing tests, so that the log's
  # [ERROR] lines are build errors, which the result quotes when no test could run.
  local log="$out/visible-tests.log"
  rm -rf target/surefire-reports
  env -u GITHUB_OUTPUT -u GITHUB_STEP_SUMMARY ./mvnw -B test -Dmaven.test.failure.ignore=true \
    >"$log" 2>&1 || true
  tail -n 40 "$log"
  java "$scripts/VisibleTestsResult.java" target/surefire-reports "$out" \
    --note "${note:-Graded with the visible tests only.}" --build-log "$log"
  cp -r target/surefire-reports "$out/" 2>/dev/null || true
}

# The checksums that came with the template show edits to the files that the hidden grader
# protects. In this mode they are only a reminder, because the checksum file can be edited too.
protected_files_note() {
  local checksums=".github/protected-files.sha256"
  if [[ -f "$checksums" ]]; then
    local changed
    changed="$(sha256sum --check --quiet "$checksums" 2>/dev/null | sed 's/: .*//' || true)"
    if [[ -n "$changed" ]]; then
      printf '\n> **Protected files changed:** %s. Your instructor will review these changes.\n' \
        "$(echo "$changed" | paste -sd, - | sed 's/,/, /g')" >>"$out/summary.md"
    fi
  fi
}

if [[ -n "$jar" && -f "$jar" ]]; then
  echo "Grading with the hidden tests ($jar)"
  if ! grade_hidden; then
    echo "::error title=Grading failed::The hidden grader failed to grade this repository." \
      "Its message is above."
    exit 1
  fi
else
  echo "Grading with the visible tests: ${note:-no hidden grader was built}"
  grade_visible
  protected_files_note
fi

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  cat "$out/summary.md" >>"$GITHUB_STEP_SUMMARY"
fi
