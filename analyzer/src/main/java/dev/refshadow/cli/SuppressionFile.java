package dev.refshadow.cli;

import dev.refshadow.report.InputFiles;
import dev.refshadow.report.ReportInputException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a suppressions file: one suppression a line, {@code #} starts a comment, blank lines
 * are ignored.
 *
 * <pre>
 * # target                | reason                                   | expires (optional)
 * cc56bcc55d2e5767        | Zebra.parent becomes weak in the port     | 2026-06-30
 * com.acme.ui.*Listener   | UI listeners, tracked in UI-7
 * com.acme.Node.parent    | parent links are weak in the Swift port
 * </pre>
 */
final class SuppressionFile {
    static final String FORM = "<fingerprint or class/field pattern> | <reason> [| <expiry date YYYY-MM-DD>]";

    private SuppressionFile() {
    }

    static List<Suppression> read(Path file) throws ReportInputException {
        String text = InputFiles.readText(file);
        List<Suppression> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (!content.isEmpty()) {
                out.add(parse(file, i + 1, content));
            }
        }
        return out;
    }

    private static Suppression parse(Path file, int number, String content) throws ReportInputException {
        String[] parts = content.split("\\|", -1);
        String target = parts[0].strip();
        if (parts.length < 2 || parts.length > 3 || target.isEmpty() || target.contains(" ")
                || parts[1].strip().isEmpty()) {
            throw new ReportInputException(file + ":" + number, "expected " + FORM + ", found '"
                    + content + "'");
        }
        LocalDate expires = null;
        if (parts.length == 3) {
            try {
                expires = LocalDate.parse(parts[2].strip());
            } catch (DateTimeParseException e) {
                throw new ReportInputException(file + ":" + number, "bad expiry date '" + parts[2].strip()
                        + "', expected YYYY-MM-DD");
            }
        }
        return new Suppression(file.toString(), number, target, parts[1].strip(), expires);
    }
}
