// Checks the outputs of the classroom scripts for classroom/checks/run.sh.
//
// Usage:
//   node assertions.mjs full-marks GITHUB_OUTPUT_FILE
//   node assertions.mjs starter-baseline GITHUB_OUTPUT_FILE [BASELINE_FILE]
//   node assertions.mjs gradebook OUT_DIR [ALICE_TOTAL]
//
// GITHUB_OUTPUT_FILE is the file that a grading step appended `result=<base64 JSON>` to; the
// JSON is the result that classroom-resources/autograding-grading-reporter reads. Prints one
// line per check with its figures, and exits 1 on the first failed check.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const STUB = /Exercise ([A-Z]) \(([^)]*)\) is not implemented yet/;

function fail(message) {
  console.error(`FAILED: ${message}`);
  process.exit(1);
}

function check(condition, message) {
  if (!condition) {
    fail(message);
  }
}

/** Decodes the last result= line of a GITHUB_OUTPUT file and checks the reporter's fields. */
function readResult(outputFile) {
  const lines = readFileSync(outputFile, "utf8").split("\n").filter((l) => l.startsWith("result="));
  check(lines.length > 0, `${outputFile} has no result= line`);
  const encoded = lines[lines.length - 1].slice("result=".length);
  const json = Buffer.from(encoded, "base64").toString("utf8");
  let result;
  try {
    result = JSON.parse(json);
  } catch (error) {
    fail(`the result is not base64 JSON: ${error.message}`);
  }
  check(result.version === 1, `version is ${result.version}, expected 1`);
  check(["pass", "fail", "error"].includes(result.status), `invalid status ${result.status}`);
  check(Number.isInteger(result.max_score) && result.max_score > 0,
    `max_score is ${result.max_score}, expected a positive integer`);
  check(Array.isArray(result.tests) && result.tests.length > 0, "tests is empty");
  for (const test of result.tests) {
    for (const field of ["name", "status", "message"]) {
      check(typeof test[field] === "string", `test ${JSON.stringify(test.name)} has no ${field}`);
    }
    check(typeof test.score === "number", `test ${test.name} has no numeric score`);
    check(Number.isInteger(test.line_no), `test ${test.name} has no line_no`);
  }
  const score = result.tests.reduce((sum, test) => sum + test.score, 0);
  return { result, score };
}

function fullMarks(outputFile) {
  const { result, score } = readResult(outputFile);
  const failed = result.tests.filter((t) => t.status !== "pass");
  check(failed.length === 0,
    `${failed.length} tests did not pass, first: ${failed[0]?.name}: ${failed[0]?.message}`);
  check(result.status === "pass", `status is ${result.status}, expected pass`);
  check(score >= result.max_score, `score ${score} is below max_score ${result.max_score}`);
  console.log(`full marks: Points ${score}/${result.max_score}, ${result.tests.length} tests,`
    + ` status ${result.status}`);
}

/**
 * Returns the expected failures of a baseline file as [display-name prefix, letter] pairs:
 * "C rnnlab.rnn.RnnTests$KnownAnswers#forwardPass" becomes "RnnTests › KnownAnswers ›
 * forwardPass", the name that VisibleTestsResult.java gives that test.
 */
function baselineEntries(file) {
  const entries = [];
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) {
      continue;
    }
    const match = /^([A-Z])\s+([\w.$]+)(?:#(\w+))?$/.exec(line);
    check(match, `${file}: malformed line ${line}`);
    const simple = match[2].slice(match[2].lastIndexOf(".") + 1).replaceAll("$", " › ");
    entries.push({ prefix: match[3] ? `${simple} › ${match[3]}` : simple, letter: match[1],
      classEntry: !match[3], line });
  }
  return entries;
}

function matches(name, entry) {
  if (entry.classEntry) {
    return name === entry.prefix || name.startsWith(`${entry.prefix} › `);
  }
  return name === entry.prefix || name.startsWith(`${entry.prefix}(`)
    || name.startsWith(`${entry.prefix}[`);
}

function starterBaseline(outputFile, baselineFile) {
  const { result, score } = readResult(outputFile);
  const failed = result.tests.filter((t) => t.status !== "pass");
  check(result.status === "fail", `status is ${result.status}, but the starter must fail`);
  check(failed.length > 0, "no visible test failed on the starter");
  check(score > 0, "no visible test passed on the starter");
  check(result.max_score === result.tests.length,
    `max_score ${result.max_score} is not one point per test (${result.tests.length} tests)`);
  for (const test of failed) {
    check(STUB.test(test.message),
      `${test.name} fails without an unfinished-exercise message: ${test.message}`);
  }
  let detail = "no baseline file to compare with";
  if (baselineFile && existsSync(baselineFile)) {
    const entries = baselineEntries(baselineFile);
    for (const test of failed) {
      const entry = entries.find((e) => matches(test.name, e));
      check(entry, `${test.name} fails but ${baselineFile} does not list it`);
      const letter = STUB.exec(test.message)[1];
      check(letter === entry.letter,
        `${test.name} stops at exercise ${letter}, but ${baselineFile} says ${entry.letter}`);
    }
    for (const entry of entries) {
      check(failed.some((t) => matches(t.name, entry)),
        `${baselineFile} lists "${entry.line}", but that test did not fail`);
    }
    detail = `every failure is listed in ${baselineFile} (${entries.length} lines)`;
  }
  const letters = [...new Set(failed.map((t) => STUB.exec(t.message)[1]))].sort().join(", ");
  console.log(`starter baseline: ${score} of ${result.max_score} visible tests pass, the other`
    + ` ${failed.length} stop at exercises ${letters}; ${detail}`);
}

/** Splits one CSV line with optional double-quoted fields. */
function csvFields(line) {
  const fields = [];
  let field = "";
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (quoted) {
      if (c === '"' && line[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

/**
 * Checks the gradebook that run.sh's four fake students produce: alice has the solution, bob
 * the starter, carol the solution without exercise D and with an edited test, and dave only a
 * commit after the deadline. ALICE_TOTAL, when given, is alice's expected total.
 */
function gradebook(out, aliceTotal) {
  const lines = readFileSync(join(out, "gradebook.csv"), "utf8").trim().split("\n");
  const header = csvFields(lines[0]);
  const rows = new Map(lines.slice(1).map((line) => {
    const fields = csvFields(line);
    check(fields.length === header.length,
      `gradebook row has ${fields.length} fields, the header ${header.length}: ${line}`);
    return [fields[0], Object.fromEntries(header.map((name, k) => [name, fields[k]]))];
  }));
  check(rows.size === 4, `the gradebook has ${rows.size} rows, expected 4`);
  const [alice, bob, carol, dave] = ["alice", "bob", "carol", "dave"]
    .map((name) => rows.get(`rnn-lab-${name}`));
  check(alice && bob && carol && dave, `missing rows in ${[...rows.keys()].join(", ")}`);

  const total = (row) => Number(row.total);
  if (aliceTotal) {
    check(total(alice) === Number(aliceTotal),
      `alice scores ${alice.total}, expected ${aliceTotal}`);
  }
  check(!/modified|missing/.test(alice.flags), `alice is flagged: ${alice.flags}`);
  check(total(bob) < total(alice), `the starter scores ${bob.total}, alice ${alice.total}`);
  check(Number(carol.D) === 0, `carol left exercise D unfinished but scores ${carol.D} on it`);
  check(total(carol) === total(alice) - Number(alice.D),
    `carol scores ${carol.total}, expected ${total(alice) - Number(alice.D)}`);
  check(carol.flags.includes("modified: src/test/java/rnnlab/rnn/RnnTests.java"),
    `carol's edited test is not flagged: ${carol.flags}`);
  check(dave.flags === "not graded: no commit before the deadline",
    `dave's row says ${dave.flags}`);

  const commits = readFileSync(join(out, "commits.csv"), "utf8");
  check(/rnn-lab-alice,[0-9a-f]{40},2026-11-20T10:00:00\+00:00,cloned/.test(commits),
    "alice was not graded at her last commit before the deadline");
  const summary = readFileSync(join(out, "summary.md"), "utf8");
  check((summary.match(/^\| rnn-lab-/gm) || []).length === 4, "summary.md lacks a row");
  for (const name of ["alice", "bob", "carol"]) {
    check(existsSync(join(out, `rnn-lab-${name}`, "report.txt")), `no report for ${name}`);
  }
  console.log(`gradebook: alice ${alice.total}, bob (starter) ${bob.total}, carol ${carol.total}`
    + ` (flagged), dave not graded`);
}

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case "full-marks":
    fullMarks(args[0]);
    break;
  case "starter-baseline":
    starterBaseline(args[0], args[1]);
    break;
  case "gradebook":
    gradebook(args[0], args[1]);
    break;
  default:
    fail(`unknown command ${command}; use full-marks, starter-baseline or gradebook`);
}
