#!/usr/bin/env bash
# Grades a whole class at a deadline: lists the students' repositories, clones each at its last
# commit before the deadline, grades every clone in isolation with the hidden grader's batch
# mode, and writes the gradebook. .github/workflows/regrade.yml runs the same steps as a matrix
# of jobs; on a laptop, `run` does all of them.
#
# Usage:
#   classroom/regrade.sh list  (--org ORG --prefix PREFIX | --repos "R1 R2 ...")
#   classroom/regrade.sh clone --deadline DATE --into CLASS_DIR [--shard I/N] LIST_FILE
#   classroom/regrade.sh grade --class CLASS_DIR --out OUT [--grader JAR] [--jobs N]
#   classroom/regrade.sh merge --out OUT SHARD_OUT...
#   classroom/regrade.sh overview OUT
#   classroom/regrade.sh shards N LIST_FILE
#   classroom/regrade.sh run   (--org ORG --prefix PREFIX | --repos "R1 R2 ...")
#                              --deadline DATE --out OUT [--grader JAR] [--jobs N]
#
# A repository is owner/name on GitHub, or any URL or path that git clone accepts. Listing an
# organisation uses `gh api` and GH_TOKEN; cloning a GitHub repository uses GH_TOKEN when set.
# The token needs read access to the students' repositories. DATE is anything GNU date reads,
# such as 2026-12-01T23:59:00+01:00.
#
# Outputs in OUT: gradebook.csv (one row per repository, also those not graded), summary.md,
# commits.csv (repository, commit, commit date, status) and one folder of reports per student;
# `run` keeps the clones in OUT/.work.
#
# NOTE: the commit is chosen by its committer date, which the student's machine sets, so a
# backdated commit pushed after the deadline counts as on time. Compare commits.csv with the
# repositories' push times when that matters.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"

die() {
  echo "regrade: $1" >&2
  exit "${2:-1}"
}

# Prints the repositories, one per line: the --repos words, or the organisation's repositories
# whose names start with the prefix, sorted.
list_repositories() {
  local org="" prefix="" repos=""
  while (($# > 0)); do
    case "$1" in
      --org) org="$2"; shift 2 ;;
      --prefix) prefix="$2"; shift 2 ;;
      --repos) repos="$2"; shift 2 ;;
      *) die "list: unknown option $1" 2 ;;
    esac
  done
  if [[ -n "$repos" ]]; then
    tr -s ', \t' '\n' <<<"$repos" | sed '/^$/d'
    return
  fi
  [[ -n "$org" && -n "$prefix" ]] || die "give --org and --prefix, or --repos" 2
  command -v gh >/dev/null || die "listing an organisation needs the GitHub CLI, gh"
  gh api --paginate "orgs/$org/repos?per_page=100&type=all" --jq '.[].full_name' |
    awk -v org="$org" -v prefix="$prefix" 'index($0, org "/" prefix) == 1' | LC_ALL=C sort
}

# Prints a git URL for a repository: GitHub for owner/name, anything else as it is.
repository_url() {
  if [[ "$1" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ && ! -e "$1" ]]; then
    echo "${GITHUB_SERVER_URL:-https://github.com}/$1.git"
  else
    echo "$1"
  fi
}

# Prints the ISO 8601 form of a date, or fails when GNU date cannot read it.
normalise_deadline() {
  date -d "$1" --iso-8601=seconds 2>/dev/null || die "invalid deadline '$1'; write it as \
2026-12-01T23:59:00+01:00" 2
}

# Clones each repository of LIST_FILE (of this shard) at its last commit before the deadline
# into CLASS_DIR/NAME, and writes CLASS_DIR/../commits.csv. Appends to an existing commits.csv.
clone_repositories() {
  local deadline="" into="" shard="1/1" list=""
  while (($# > 0)); do
    case "$1" in
      --deadline) deadline="$2"; shift 2 ;;
      --into) into="$2"; shift 2 ;;
      --shard) shard="$2"; shift 2 ;;
      -*) die "clone: unknown option $1" 2 ;;
      *) list="$1"; shift ;;
    esac
  done
  [[ -n "$deadline" && -n "$into" && -f "$list" ]] ||
    die "clone needs --deadline, --into and a list file" 2
  if [[ ! "$shard" =~ ^([0-9]+)/([0-9]+)$ ]] ||
    ((BASH_REMATCH[1] < 1 || BASH_REMATCH[1] > BASH_REMATCH[2])); then
    die "invalid --shard '$shard'; write I/N with 1 <= I <= N" 2
  fi
  local index="${BASH_REMATCH[1]}" count="${BASH_REMATCH[2]}"
  deadline="$(normalise_deadline "$deadline")"
  mkdir -p "$into"
  local commits
  commits="$(cd "$into/.." && pwd)/commits.csv"
  [[ -f "$commits" ]] || echo "repository,commit,commit_date,status" >"$commits"

  local auth=()
  if [[ -n "${GH_TOKEN:-}" ]]; then
    auth=(-c "http.extraHeader=Authorization: basic $(printf 'x-access-token:%s' "$GH_TOKEN" |
      base64 | tr -d '\n')")
  fi

  local line=0 repository
  while IFS= read -r repository || [[ -n "$repository" ]]; do
    [[ -n "$repository" ]] || continue
    line=$((line + 1))
    (((line - 1) % count == index - 1)) || continue
    local name target commit date
    name="$(basename "${repository%/}" .git)"
    target="$into/$name"
    rm -rf "$target"
    if ! git "${auth[@]}" clone --quiet --no-checkout "$(repository_url "$repository")" \
      "$target" 2>"$target.err"; then
      echo "$repository: clone failed: $(head -n 1 "$target.err")" >&2
      echo "$repository,,,clone failed" >>"$commits"
      rm -rf "$target" "$target.err"
      continue
    fi
    rm -f "$target.err"
    commit="$(git -C "$target" rev-list -1 --before="$deadline" HEAD 2>/dev/null || true)"
    if [[ -z "$commit" ]]; then
      echo "$repository: no commit before $deadline" >&2
      echo "$repository,,,no commit before the deadline" >>"$commits"
      rm -rf "$target"
      continue
    fi
    git -C "$target" checkout --quiet --detach "$commit"
    date="$(git -C "$target" log -1 --format=%cI "$commit")"
    echo "$repository: $commit ($date)"
    echo "$repository,$commit,$date,cloned" >>"$commits"
  done <"$list"
}

# Grades every folder of CLASS_DIR with the grader's batch mode, then adds a row to the
# gradebook for each repository of commits.csv that could not be cloned.
grade_class() {
  local class="" out="" jar="$root/grader/target/grader.jar" jobs=""
  while (($# > 0)); do
    case "$1" in
      --class) class="$2"; shift 2 ;;
      --out) out="$2"; shift 2 ;;
      --grader) jar="$2"; shift 2 ;;
      --jobs) jobs="$2"; shift 2 ;;
      *) die "grade: unknown option $1" 2 ;;
    esac
  done
  [[ -n "$class" && -n "$out" ]] || die "grade needs --class and --out" 2
  [[ -f "$jar" ]] || die "no grader at $jar; build it with GRADER_DIR=. \
GRADER_KEEP_SOURCES=true .github/scripts/build-grader.sh, or pass --grader JAR"
  mkdir -p "$out"
  local commits
  commits="$(cd "$class/.." && pwd)/commits.csv"

  if [[ -n "$(find "$class" -mindepth 1 -maxdepth 1 -type d -not -name '.*' 2>/dev/null)" ]]; then
    java -jar "$jar" --batch "$class" --out "$out" ${jobs:+--jobs "$jobs"}
  else
    echo "submission,total,flags" >"$out/gradebook.csv"
    printf '## Gradebook\n\n| submission | total | notes |\n|---|---:|---|\n' >"$out/summary.md"
  fi

  if [[ -f "$commits" ]]; then
    cp "$commits" "$out/commits.csv"
    local columns
    columns="$(head -n 1 "$out/gradebook.csv" | tr -cd ',' | wc -c)"
    tail -n +2 "$commits" | while IFS=, read -r repository commit date status; do
      [[ "$status" == cloned ]] && continue
      local name
      name="$(basename "${repository%/}" .git)"
      printf '%s%s"not graded: %s"\n' "$name" "$(printf ',%.0s' $(seq "$columns"))" \
        "$status" >>"$out/gradebook.csv"
      printf '| %s | — | not graded: %s |\n' "$name" "$status" >>"$out/summary.md"
    done
  fi
}

# Merges the outputs of several `grade` runs into one: the gradebooks and commit lists under
# one header, the summary rows under one table, each sorted by repository, and every student's
# reports.
merge_outputs() {
  local out=""
  [[ "${1:-}" == --out ]] || die "merge needs --out OUT first" 2
  out="$2"
  shift 2
  (($# > 0)) || die "merge needs at least one folder to merge" 2
  mkdir -p "$out"
  local first="$1" part
  head -n 1 "$first/gradebook.csv" >"$out/gradebook.csv"
  head -n 1 "$first/commits.csv" >"$out/commits.csv" 2>/dev/null || true
  sed -n '1,4p' "$first/summary.md" >"$out/summary.md"
  for part in "$@"; do
    find "$part" -mindepth 1 -maxdepth 1 -type d -exec cp -R {} "$out/" \;
  done
  local file
  for file in gradebook.csv commits.csv; do
    for part in "$@"; do
      [[ -f "$part/$file" ]] && tail -n +2 "$part/$file"
    done | LC_ALL=C sort >>"$out/$file"
  done
  for part in "$@"; do
    tail -n +5 "$part/summary.md" | grep '^| '
  done | LC_ALL=C sort >>"$out/summary.md"
}

# Prints the matrix of shard numbers for regrade.yml: shards=[1,...,M] and count=M, where M is
# the requested number of shards, at most one per repository.
number_shards() {
  local requested="${1:-}" list="${2:-}" repositories count
  [[ "$requested" =~ ^[1-9][0-9]*$ && -f "$list" ]] ||
    die "shards needs a positive number of shards and a list file" 2
  repositories="$(grep -c . "$list" || true)"
  ((repositories > 0)) || die "$list lists no repositories"
  count=$((requested < repositories ? requested : repositories))
  echo "shards=[$(seq -s, 1 "$count")]"
  echo "count=$count"
}

# Writes a Markdown overview of a finished output folder to standard output.
print_overview() {
  local out="$1" graded total
  graded="$(grep -c ',cloned$' "$out/commits.csv" 2>/dev/null || true)"
  total="$(($(wc -l <"$out/gradebook.csv") - 1))"
  cat "$out/summary.md"
  printf '\n%s repositories, %s graded at their last commit before the deadline.\n' \
    "$total" "${graded:-0}"
}

command="${1:-}"
shift || true
case "$command" in
  list) list_repositories "$@" ;;
  clone) clone_repositories "$@" ;;
  grade) grade_class "$@" ;;
  merge) merge_outputs "$@" ;;
  overview) print_overview "$@" ;;
  shards) number_shards "$@" ;;
  run)
    list_args=() deadline="" out="" grade_args=()
    while (($# > 0)); do
      case "$1" in
        --org | --prefix | --repos) list_args+=("$1" "$2"); shift 2 ;;
        --deadline) deadline="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --grader | --jobs) grade_args+=("$1" "$2"); shift 2 ;;
        *) die "run: unknown option $1" 2 ;;
      esac
    done
    [[ -n "$deadline" && -n "$out" ]] || die "run needs --deadline and --out" 2
    [[ ! -e "$out" || -z "$(ls -A "$out")" ]] || die "$out is not empty; pass a new folder" 2
    # The clones stay in the hidden folder .work for inspection.
    mkdir -p "$out/.work"
    list_repositories "${list_args[@]}" >"$out/.work/repositories.txt"
    clone_repositories --deadline "$deadline" --into "$out/.work/class" \
      "$out/.work/repositories.txt"
    grade_class --class "$out/.work/class" --out "$out" "${grade_args[@]}"
    print_overview "$out"
    ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
