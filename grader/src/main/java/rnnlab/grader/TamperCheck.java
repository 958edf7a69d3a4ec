package rnnlab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a submission's protected files (the grading workflow, the build files, the visible
 * tests) with the SHA-256 checksums recorded for the release, so that an edited file is flagged
 * in every report. The grade itself does not change: an instructor decides what a flag means.
 */
public final class TamperCheck {

    /** The class-path location of the release's checksums. */
    static final String CHECKSUMS = "rnnlab/grader/protected-files.sha256";

    private TamperCheck() {
    }

    /**
     * Returns one flag per protected file that is missing or differs, such as
     * "modified: pom.xml". Returns no flags when the grader contains no checksums.
     */
    public static List<String> flags(Path submissionRoot) throws IOException {
        Map<String, String> expected = recordedChecksums();
        List<String> flags = new ArrayList<>();
        for (Map.Entry<String, String> entry : expected.entrySet()) {
            Path file = submissionRoot.resolve(entry.getKey());
            if (!Files.isRegularFile(file)) {
                flags.add("missing: " + entry.getKey());
            } else if (!sha256(file).equals(entry.getValue())) {
                flags.add("modified: " + entry.getKey());
            }
        }
        return flags;
    }

    /** Reads "checksum  path" lines, the format of sha256sum. */
    static Map<String, String> recordedChecksums() throws IOException {
        Map<String, String> checksums = new LinkedHashMap<>();
        try (InputStream in = TamperCheck.class.getClassLoader().getResourceAsStream(
                CHECKSUMS)) {
            if (in == null) {
                return checksums;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split(
                    "\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 2);
                checksums.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
            }
        }
        return checksums;
    }

    /** Returns the SHA-256 of a file's bytes, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
