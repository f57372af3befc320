package dev.refshadow.cli;

import dev.refshadow.report.AtomicFile;
import dev.refshadow.report.ReportInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command writes its rendering: standard output, or a file written atomically. */
final class OutputTarget {
    private OutputTarget() {
    }

    /** Writes to {@code file}, or to {@code stdout} when it is null; a file that cannot be written is an input error. */
    static void write(Path file, PrintWriter stdout, AtomicFile.Content content) throws IOException,
            ReportInputException {
        if (file == null) {
            content.writeTo(stdout);
            stdout.flush();
            return;
        }
        if (Files.isDirectory(file)) {
            throw new ReportInputException(file, "is a directory: -o needs a file name");
        }
        for (Path dir = file.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new ReportInputException(file, "cannot be written: " + dir + " is not a directory");
                }
                break;
            }
        }
        try {
            AtomicFile.write(file, content);
        } catch (AccessDeniedException e) {
            throw new ReportInputException(file, "cannot be written: permission denied");
        } catch (FileSystemException e) {
            String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
            throw new ReportInputException(file, "cannot be written: " + reason);
        }
    }
}
