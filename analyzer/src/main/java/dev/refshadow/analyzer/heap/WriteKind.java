package dev.refshadow.analyzer.heap;

/** What kind of program event removed a reference: the kinds of a closing write. */
public enum WriteKind {
    UNKNOWN("unknown"),
    FIELD("field"),
    ARRAY("array"),
    STATIC("static"),
    LOCAL("local"),
    FRAME_EXIT("frame-exit"),
    TEMPORARY("temporary"),
    COLLECTOR("collector");

    private static final WriteKind[] VALUES = values();
    /** The name reports use. */
    public final String reportName;

    WriteKind(String reportName) {
        this.reportName = reportName;
    }

    public static WriteKind of(byte code) {
        return VALUES[code];
    }

    public byte code() {
        return (byte) ordinal();
    }
}
