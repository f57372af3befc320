package dev.refshadow.report;

import java.nio.file.Path;

/** An input file that cannot be used; the message is one line naming the file and the problem. */
public final class ReportInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportInputException(Path file, String problem) {
        this(file.toString(), problem);
    }

    /** {@code where} names the file, possibly with a line: {@code suppressions.txt:3}. */
    public ReportInputException(String where, String problem) {
        super(where + ": " + problem);
    }
}
