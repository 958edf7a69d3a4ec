#!/usr/bin/env bash
# Fetches the sources of the hidden grader from the instructor's private repository, for the
# per-push grading in .github/workflows/classroom.yml.
#
# Environment:
#   GRADER_REPOSITORY  owner/name on GitHub, or any URL or path that git clone accepts
#   GRADER_TOKEN       read-only token for an owner/name or https repository (a secret)
#   GRADER_REF         branch, tag or commit to fetch (default: the default branch)
#   GRADER_DIR         folder to fetch into (default: .grader)
#
# Always exits 0. It writes the step outputs fetched=true|false and, when false, note=<why the
# visible tests grade this push instead>; the same lines go to standard output.
set -euo pipefail

repository="${GRADER_REPOSITORY:-}"
token="${GRADER_TOKEN:-}"
ref="${GRADER_REF:-}"
dir="${GRADER_DIR:-.grader}"

output() {
  echo "$1"
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    echo "$1" >>"$GITHUB_OUTPUT"
  fi
}

use_visible_tests() {
  output "fetched=false"
  output "note=$1"
  if [[ -n "${GITHUB_ACTIONS:-}" && "$2" == warning ]]; then
    echo "::warning title=Hidden grader not used::$1"
  fi
  exit 0
}

# An owner/name names a GitHub repository and needs the token. A URL or a path is used as it is.
if [[ "$repository" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ && ! -e "$repository" ]]; then
  if [[ -z "$token" ]]; then
    use_visible_tests "Graded with the visible tests only: this repository has no GRADER_TOKEN \
secret, so the hidden grader could not be fetched. Your instructor grades with the hidden tests." \
      notice
  fi
  url="${GITHUB_SERVER_URL:-https://github.com}/${repository}.git"
else
  url="$repository"
fi
if [[ -z "$url" ]]; then
  if [[ -n "$token" ]]; then
    use_visible_tests "Graded with the visible tests only: the GRADER_TOKEN secret is set but \
the GRADER_REPOSITORY variable is missing; ask your instructor to set it." warning
  fi
  use_visible_tests "Graded with the visible tests only: this repository has no GRADER_TOKEN \
secret, so the hidden grader could not be fetched. Your instructor grades with the hidden tests." \
    notice
fi

# The token goes into one git command as a header, so it is never written to .git/config,
# where the submission's own code, which runs later in this job, could read it.
git_auth=()
if [[ -n "$token" && "$url" == https://* ]]; then
  basic="$(printf 'x-access-token:%s' "$token" | base64 | tr -d '\n')"
  if [[ -n "${GITHUB_ACTIONS:-}" ]]; then
    echo "::add-mask::$basic"
  fi
  git_auth=(-c "http.extraHeader=Authorization: basic $basic")
fi

rm -rf "$dir"
git init --quiet "$dir"
if ! git -C "$dir" "${git_auth[@]}" fetch --quiet --depth 1 "$url" "${ref:-HEAD}" 2>"$dir.err"; then
  sed 's/^/  /' "$dir.err" >&2
  rm -rf "$dir" "$dir.err"
  use_visible_tests "Graded with the visible tests only: fetching the grader from \
${GRADER_REPOSITORY}${ref:+ at $ref} failed. Ask your instructor to check that GRADER_TOKEN \
can read that repository." warning
fi
rm -f "$dir.err"
git -C "$dir" checkout --quiet FETCH_HEAD
echo "Fetched the grader from ${GRADER_REPOSITORY}${ref:+ at $ref}:" \
  "$(git -C "$dir" log -1 --format='%h %cs %s')"
output "fetched=true"
