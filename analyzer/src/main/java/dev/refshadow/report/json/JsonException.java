package dev.refshadow.report.json;

/** Malformed JSON; {@link #truncated()} when the text ended too early. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean truncated;

    JsonException(String message, boolean truncated) {
        super(message);
        this.truncated = truncated;
    }

    public boolean truncated() {
        return truncated;
    }
}
