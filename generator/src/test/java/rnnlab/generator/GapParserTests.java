package rnnlab.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("gap markers")
class GapParserTests {

    private static GapParser.Result parse(String... lines) {
        return GapParser.parse("solution/X.java", List.of(lines));
    }

    @Nested
    @DisplayName("well-formed")
    class WellFormed {

        @Test
        @DisplayName("a gap keeps its letter, hint, continuation and line numbers")
        void oneGap() {
            GapParser.Result result = parse(
                    "    int f() {",
                    "        // BEGIN EXERCISE C: add one",
                    "        //     to the answer",
                    "        // a solution comment, not part of the hint",
                    "        return 1 + 1;",
                    "        // END EXERCISE C",
                    "    }");

            assertThat(result.problems()).isEmpty();
            assertThat(result.gaps()).hasSize(1);
            Gap gap = result.gaps().get(0);
            assertThat(gap.exercise()).isEqualTo(Exercise.C);
            assertThat(gap.hint()).isEqualTo("add one");
            assertThat(gap.hintContinuation()).containsExactly("        //     to the answer");
            assertThat(gap.indent()).isEqualTo("        ");
            assertThat(gap.beginLine()).isEqualTo(2);
            assertThat(gap.endLine()).isEqualTo(6);
            assertThat(gap.firstCodeLine()).isEqualTo(4);
            assertThat(gap.lastCodeLine()).isEqualTo(5);
        }

        @Test
        @DisplayName("two gaps in one file are both found")
        void twoGaps() {
            GapParser.Result result = parse(
                    "// BEGIN EXERCISE A: first",
                    "a();",
                    "// END EXERCISE A",
                    "// BEGIN EXERCISE B: second",
                    "b();",
                    "// END EXERCISE B");

            assertThat(result.problems()).isEmpty();
            assertThat(result.gaps()).extracting(Gap::exercise)
                    .containsExactly(Exercise.A, Exercise.B);
        }
    }

    @Nested
    @DisplayName("rejected with file, line and fix")
    class Rejected {

        @Test
        @DisplayName("a BEGIN that is never closed")
        void unclosed() {
            Problem problem = onlyProblem(parse("// BEGIN EXERCISE C: hint", "x();"));

            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).contains("never closed");
            assertThat(problem.fix()).contains("// END EXERCISE C");
        }

        @Test
        @DisplayName("an END without a BEGIN")
        void unopened() {
            Problem problem = onlyProblem(parse("x();", "// END EXERCISE D"));

            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.message()).contains("no matching BEGIN EXERCISE D");
        }

        @Test
        @DisplayName("an END that names another exercise")
        void mismatched() {
            Problem problem = onlyProblem(parse("// BEGIN EXERCISE C: hint", "x();",
                    "// END EXERCISE D"));

            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.message()).contains("closes the gap of exercise C");
        }

        @Test
        @DisplayName("a gap inside another gap")
        void nested() {
            GapParser.Result result = parse("// BEGIN EXERCISE C: outer",
                    "// BEGIN EXERCISE D: inner", "x();", "// END EXERCISE D",
                    "// END EXERCISE C");

            assertThat(result.problems()).extracting(Problem::line).contains(2);
            assertThat(result.problems()).extracting(Problem::message)
                    .anyMatch(message -> message.contains("inside the gap of exercise C"));
        }

        @Test
        @DisplayName("a letter the lab does not have")
        void unknownLetter() {
            GapParser.Result result = parse("// BEGIN EXERCISE Z: hint", "x();",
                    "// END EXERCISE Z");

            assertThat(result.problems()).hasSize(1);
            assertThat(result.problems().get(0).message()).contains("Z names an exercise the"
                    + " lab does not have");
            assertThat(result.problems().get(0).fix()).contains("Exercise.java");
        }

        @Test
        @DisplayName("a marker written almost right")
        void malformed() {
            Problem problem = onlyProblem(parse("//BEGIN EXERCISE c hint", "x();"));

            assertThat(problem.line()).isEqualTo(1);
            assertThat(problem.message()).startsWith("malformed gap marker");
        }

        @Test
        @DisplayName("a BEGIN without a hint")
        void emptyHint() {
            Problem problem = onlyProblem(parse("// BEGIN EXERCISE C:", "x();",
                    "// END EXERCISE C"));

            assertThat(problem.message()).contains("has no hint");
        }

        @Test
        @DisplayName("a gap with no solution lines")
        void emptyGap() {
            Problem problem = onlyProblem(parse("// BEGIN EXERCISE C: hint",
                    "// END EXERCISE C"));

            assertThat(problem.message()).contains("contains no solution lines");
        }

        private Problem onlyProblem(GapParser.Result result) {
            assertThat(result.problems()).hasSize(1);
            Problem problem = result.problems().get(0);
            assertThat(problem.file()).isEqualTo("solution/X.java");
            assertThat(problem.fix()).isNotBlank();
            return problem;
        }
    }
}
