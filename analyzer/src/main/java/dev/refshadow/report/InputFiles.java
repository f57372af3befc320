package dev.refshadow.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a text input file, turning every way it can be unusable into a {@link ReportInputException}. */
public final class InputFiles {
    private InputFiles() {
    }

    /** The file's text (UTF-8); fails on a missing, unreadable, empty, binary or non-UTF-8 file, or a directory. */
    public static String readText(Path file) throws ReportInputException {
        if (Files.isDirectory(file)) {
            throw new ReportInputException(file, "is a directory, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ReportInputException(file, "no such file");
        } catch (AccessDeniedException e) {
            throw new ReportInputException(file, "permission denied");
        } catch (IOException e) {
            throw new ReportInputException(file, "cannot be read: " + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new ReportInputException(file, "is empty");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new ReportInputException(file, "is a binary file, not text");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ReportInputException(file, "is not UTF-8 text (a binary file?)");
        }
    }
}
