package rnnlab.grader.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import rnnlab.grader.GradeReport;
import rnnlab.grader.TestOutcome;

/** A JUnit XML file of the hidden tests, the format CI test viewers read. */
public final class JUnitXmlReport {

    private JUnitXmlReport() {
    }

    /** Writes one test suite with a test case per hidden test. */
    public static void write(GradeReport report, Path file) throws IOException {
        long failures = report.outcomes().stream()
                .filter(o -> o.status() == rnnlab.grader.TestStatus.FAILED).count();
        long errors = report.outcomes().stream()
                .filter(o -> o.status() == rnnlab.grader.TestStatus.ERROR).count();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "hidden tests");
            xml.writeAttribute("tests", String.valueOf(report.outcomes().size()));
            xml.writeAttribute("failures", String.valueOf(failures));
            xml.writeAttribute("errors", String.valueOf(errors));
            xml.writeAttribute("time", seconds(report.seconds()));
            for (TestOutcome outcome : report.outcomes()) {
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", outcome.test().className());
                xml.writeAttribute("name", outcome.test().reportName());
                xml.writeAttribute("time", seconds(outcome.seconds()));
                switch (outcome.status()) {
                    case FAILED -> element(xml, "failure", outcome.message());
                    case ERROR -> element(xml, "error", outcome.message());
                    case PASSED -> { }
                }
                if (!outcome.output().isEmpty()) {
                    xml.writeStartElement("system-out");
                    xml.writeCData(clean(outcome.output()).replace("]]>", "]] >"));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void element(XMLStreamWriter xml, String name, String message)
            throws XMLStreamException {
        xml.writeStartElement(name);
        String text = clean(message);
        xml.writeAttribute("message", text.lines().findFirst().orElse(""));
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** Drops the control characters that XML 1.0 does not allow, which a submission may print. */
    static String clean(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
