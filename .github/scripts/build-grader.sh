#!/usr/bin/env bash
# Builds the hidden grader that fetch-grader.sh fetched, with that repository's own Maven
# wrapper, then keeps only grader.jar and its lib/ folder and deletes the sources.
#
# The sources include the instructor's solution, and the submission's own code runs later in
# this job, so nothing of them may stay on disk: the build installs nothing into the local
# Maven repository, and the fetched folder is deleted.
#
# Environment:
#   GRADER_DIR           the fetched sources (default: .grader)
#   GRADER_HOME          where grader.jar and lib/ go (default: $RUNNER_TEMP/rnn-lab-grader,
#                        or /tmp/rnn-lab-grader outside GitHub Actions)
#   GRADER_KEEP_SOURCES  true to build in place and keep everything, for the instructor's own
#                        repository (classroom/regrade.sh); jar= is then grader/target/grader.jar
#
# Writes the step output jar=<path of grader.jar> on success, note=<why not> on failure, and
# exits 0 either way, so that the visible tests still grade the push.
set -euo pipefail

dir="${GRADER_DIR:-.grader}"
home="${GRADER_HOME:-${RUNNER_TEMP:-/tmp}/rnn-lab-grader}"

output() {
  echo "$1"
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    echo "$1" >>"$GITHUB_OUTPUT"
  fi
}

keep="${GRADER_KEEP_SOURCES:-false}"

fail() {
  if [[ "$keep" != true ]]; then
    rm -rf "$dir"
  fi
  output "note=Graded with the visible tests only: $1 Your instructor grades with the hidden tests."
  if [[ -n "${GITHUB_ACTIONS:-}" ]]; then
    echo "::warning title=Hidden grader not used::$1"
  fi
  exit 0
}

if [[ ! -x "$dir/mvnw" || ! -f "$dir/grader/pom.xml" ]]; then
  fail "the fetched grader repository has no mvnw or no grader/pom.xml."
fi

# A reactor build compiles the solution for the hidden tests without installing it. Where the
# parent pom does not list the grader module, a small aggregator pom in target/ lists both.
build_file="pom.xml"
if ! grep -q '<module>grader</module>' "$dir/pom.xml"; then
  build_file="target/grader-build/pom.xml"
  mkdir -p "$dir/target/grader-build"
  cat >"$dir/$build_file" <<'XML'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>rnnlab</groupId>
  <artifactId>rnn-lab-grader-build</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <modules>
    <module>../../solution</module>
    <module>../../grader</module>
  </modules>
</project>
XML
fi

started=$SECONDS
if ! (cd "$dir" &&
  ./mvnw -B -q -f "$build_file" -pl :rnn-lab-grader -am package -Dmaven.test.skip=true); then
  fail "the grader did not build; the Maven output above says why."
fi
echo "Built the grader in $((SECONDS - started)) s"

if [[ "$keep" == true ]]; then
  output "jar=$(cd "$dir" && pwd)/grader/target/grader.jar"
  exit 0
fi
rm -rf "$home"
mkdir -p "$home"
cp "$dir/grader/target/grader.jar" "$home/"
cp -r "$dir/grader/target/lib" "$home/"
rm -rf "$dir"
output "jar=$home/grader.jar"
