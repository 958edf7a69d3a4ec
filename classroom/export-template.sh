#!/usr/bin/env bash
# Writes the repository that students receive, from this lab's starter, into DIR.
#
# Usage: classroom/export-template.sh DIR
#
# DIR gets the starter as the project root: a pom.xml with no parent (classroom/template), the
# Maven wrapper, src/main, src/test, README.md and ANSWERS.md. It also gets the grading
# workflow .github/workflows/classroom.yml with its scripts, a .gitignore, and
# .github/protected-files.sha256, the SHA-256 of every file the grader protects. It never gets
# solution/, grader/ or generator/. DIR must be missing or empty. Exit status 0 on success, 1
# when a source file is missing or the result fails its own checks, 2 on invalid arguments.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"

if [[ $# -ne 1 || "$1" == -* ]]; then
  echo "usage: classroom/export-template.sh DIR" >&2
  exit 2
fi
out="$1"
if [[ -e "$out" && -n "$(ls -A "$out" 2>/dev/null)" ]]; then
  echo "export-template: $out is not empty; pass a new or empty folder" >&2
  exit 2
fi

required=(
  starter/src/main/java
  starter/src/test/java
  starter/README.md
  starter/ANSWERS.md
  classroom/template/pom.xml
  classroom/template/gitignore
  mvnw
  mvnw.cmd
  .mvn/wrapper/maven-wrapper.properties
  .github/workflows/classroom.yml
  .github/scripts
)
for path in "${required[@]}"; do
  if [[ ! -e "$root/$path" ]]; then
    echo "export-template: $root/$path is missing; the template needs it" >&2
    exit 1
  fi
done

mkdir -p "$out/.mvn/wrapper" "$out/.github/workflows"
out="$(cd "$out" && pwd)"

# The starter's src folder holds only sources and resources; its build output is in target/.
cp -R "$root/starter/src" "$out/src"
# The handout's commands and paths are written for this repository, where the student tree is
# starter/. In a student's repository that tree is the root, so `-pl starter` and `starter/` go.
for handout in README.md ANSWERS.md; do
  sed -e 's/-pl starter //g' -e 's#starter/##g' "$root/starter/$handout" >"$out/$handout"
done
cp "$root/classroom/template/pom.xml" "$out/pom.xml"
cp "$root/classroom/template/gitignore" "$out/.gitignore"
cp -p "$root/mvnw" "$root/mvnw.cmd" "$out/"
chmod +x "$out/mvnw"
cp "$root/.mvn/wrapper/maven-wrapper.properties" "$out/.mvn/wrapper/"
cp "$root/.github/workflows/classroom.yml" "$out/.github/workflows/"
cp -R "$root/.github/scripts" "$out/.github/scripts"

# The same files, paths and format as the grader's build records (rnnlab.grader.ProtectedFiles).
(
  cd "$out"
  {
    echo "# SHA-256 of the files a student must not change, paths from the repository root"
    sha256sum pom.xml
    find src/test -type f | LC_ALL=C sort | xargs -d '\n' sha256sum
    sha256sum .github/workflows/classroom.yml
    find .github/scripts -type f | LC_ALL=C sort | xargs -d '\n' sha256sum
  } >.github/protected-files.sha256
)

# The template must build on its own: no parent pom, and nothing of the instructor's side.
problems=()
if grep -q "<parent>" "$out/pom.xml"; then
  problems+=("pom.xml declares a parent; students have no parent pom")
fi
for forbidden in solution grader generator starter; do
  if [[ -e "$out/$forbidden" ]]; then
    problems+=("$forbidden/ must not be in the template")
  fi
done
if grep -rqs "rnn-lab-solution\|/solution/" "$out/pom.xml" "$out/.github"; then
  problems+=("the template refers to the solution")
fi
if ((${#problems[@]} > 0)); then
  printf 'export-template: %s\n' "${problems[@]}" >&2
  exit 1
fi

count="$(find "$out" -type f | wc -l)"
echo "Wrote the student template to $out ($count files)"
